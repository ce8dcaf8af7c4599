// Starts this edition's service worker (sw.js at the edition root) once the
// page has loaded and the browser is idle, so saving the guide for offline use
// never delays the first page. Marks <html data-roh-offline> for tests and
// styles: "unsupported", "installing", then "ready" once every page of this
// edition is saved and this page is served by the worker. Never reloads a tab.

import { status, supported, track } from "./offline-client.mjs";

const ROOT = new URL("../../", import.meta.url);
const WORKER = new URL("sw.js", ROOT);
const CHECK_MS = 1000;
const CHECKS = 600;
const TOOL_WAIT_MS = 60_000;

function mark(state) {
  document.documentElement.dataset.rohOffline = state;
}

function afterLoadAndIdle() {
  return new Promise((resolve) => {
    const idle = () => (self.requestIdleCallback
      ? requestIdleCallback(() => resolve(), { timeout: 5000 })
      : setTimeout(resolve, 200));
    if (document.readyState === "complete") idle();
    else addEventListener("load", idle, { once: true });
  });
}

/**
 * On a page with a tool, after the tool has started (or failed): saving the
 * edition (326 files) while Python boots took CPU and bandwidth from the boot
 * (measured: tool ready cold 1.06x the bare boot without it, 1.6x with it).
 * At most TOOL_WAIT_MS, so a tool that never settles cannot stop the saving.
 */
function afterTools() {
  const settled = () => [...document.querySelectorAll(".roh-tool")]
    .every((tool) => tool.dataset.state === "ready" || tool.dataset.state === "error");
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => { if (settled()) done(); });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
    const timer = setTimeout(done, TOOL_WAIT_MS);
  });
}

/**
 * "ready" when the worker serves this page and its edition is fully saved.
 * Asks while something can still change (an install under way, a worker
 * about to take this page), for ten minutes at most: a failed install stays
 * "installing" and the browser tries again on a later visit.
 */
async function watchProgress(found) {
  for (let check = 0; check < CHECKS; check += 1) {
    const now = await status();
    if (now.controlled && now.pages.total > 0 && now.pages.cached === now.pages.total) {
      mark("ready");
      return;
    }
    if (!found.installing && !(found.active && !now.controlled)) return;
    await new Promise((resolve) => setTimeout(resolve, CHECK_MS));
  }
}

async function start() {
  if (!supported()) {
    mark("unsupported");
    return;
  }
  await afterLoadAndIdle();
  await afterTools();
  let found;
  try {
    found = await navigator.serviceWorker.register(WORKER.href, {
      scope: ROOT.href, updateViaCache: "none",
    });
  } catch {
    found = null;
  }
  if (!found) {
    mark("unsupported");  // refused by the browser or its settings
    return;
  }
  mark("installing");
  track(found);
  await watchProgress(found);
}

start();
