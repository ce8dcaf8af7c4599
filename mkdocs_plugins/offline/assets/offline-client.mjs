// The page's only way to talk to this edition's service worker (sw.js at the
// edition root, two folders up from this module). Every function resolves,
// never rejects, and answers "unsupported" where a service worker cannot run
// (a file opened from disk, a private window, a browser or policy that blocks
// them), so callers need no try/catch and the guide works the same without it.

const ROOT = new URL("../../", import.meta.url);
const WORKER = new URL("sw.js", ROOT);
const ANSWER_MS = 10_000;
const UPDATE_EVERY_MS = 60 * 60 * 1000;

/** Whether a service worker can run for this page at all. */
export function supported() {
  try {
    return Boolean(self.isSecureContext && navigator.serviceWorker) &&
      (location.protocol === "http:" || location.protocol === "https:");
  } catch {
    return false;  // some privacy modes throw on the property itself
  }
}

/** This edition's registration (not another edition's), or undefined. */
async function registration() {
  if (!supported()) return undefined;
  try {
    const found = await navigator.serviceWorker.getRegistration(ROOT.href);
    return found && found.scope === ROOT.href ? found : undefined;
  } catch {
    return undefined;
  }
}

function controller() {
  const current = supported() ? navigator.serviceWorker.controller : null;
  return current && current.scriptURL === WORKER.href ? current : null;
}

/** The worker that answers this page: the one serving it, else the active one. */
async function activeWorker() {
  return controller() || (await registration())?.active || null;
}

/**
 * Send `message` to `worker` and resolve with its answer (null if none comes):
 * `onProgress` sees every message of type "progress" before it.
 */
function ask(worker, message, onProgress = null, wait = ANSWER_MS) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    let timer = setTimeout(() => finish(null), wait);
    function finish(value) {
      clearTimeout(timer);
      channel.port1.close();
      resolve(value);
    }
    channel.port1.onmessage = ({ data }) => {
      if (data && data.type === "progress") {
        clearTimeout(timer);  // still working: wait for the next message
        timer = setTimeout(() => finish(null), wait);
        if (onProgress) onProgress(data.done, data.total);
        return;
      }
      finish(data);
    };
    try {
      worker.postMessage(message, [channel.port2]);
    } catch {
      finish(null);
    }
  });
}

const NOTHING = Object.freeze({
  supported: false, controlled: false, pages: { cached: 0, total: 0 },
  tools: { cached: false, bytes: 0, total: 0 }, version: "",
});

/** What is saved for offline use, for this page's edition. */
export async function status() {
  if (!supported()) return { ...NOTHING };
  const worker = await activeWorker();
  const answer = worker ? await ask(worker, { type: "status" }) : null;
  return {
    supported: true,
    controlled: controller() !== null,
    pages: answer?.pages ?? { cached: 0, total: 0 },
    tools: answer?.tools ?? { cached: false, bytes: 0, total: 0 },
    version: answer?.version ?? "",
  };
}

// ---- updates ---------------------------------------------------------------

const listeners = [];
const tracked = new WeakSet();
let announced = false;
let lastCheck = 0;

function announce() {
  if (announced) return;
  announced = true;
  for (const callback of listeners) {
    try {
      callback();
    } catch (error) {
      setTimeout(() => { throw error; });  // one listener's bug stops no other
    }
  }
}

/** A new worker is waiting while this page is served by the old one: an update. */
function checkWaiting(found) {
  if (found.waiting && controller()) announce();
}

/** Watch `found` for a new publish (register.mjs calls this once it has registered). */
export function track(found) {
  if (!found || tracked.has(found)) return;
  tracked.add(found);
  checkWaiting(found);
  found.addEventListener("updatefound", () => {
    const worker = found.installing;
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") checkWaiting(found);
    });
  });
  // Asking the server at most hourly, when the reader comes back to the tab.
  lastCheck = Date.now();
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible" || Date.now() - lastCheck < UPDATE_EVERY_MS) return;
    lastCheck = Date.now();
    found.update().catch(() => {});
  });
}

/** Call `callback` (once) when a new publish is installed and waiting. */
export function onUpdate(callback) {
  if (typeof callback !== "function") return;
  listeners.push(callback);
  if (announced) {
    setTimeout(callback);
    return;
  }
  registration().then(track, () => {});
}

/** Let the waiting publish take over, then reload this tab (never another). */
export async function applyUpdate() {
  if (!supported()) return;
  const found = await registration();
  // Announced as soon as it is installed, but the reader may be quicker than
  // the browser's bookkeeping: wait for a worker still installing.
  const waiting = found?.waiting || (await installed(found?.installing));
  await new Promise((resolve) => {
    let done = false;
    const reload = () => {
      if (done) return;
      done = true;
      resolve();
      location.reload();
    };
    if (!waiting) {
      reload();  // another tab has already let it take over
      return;
    }
    navigator.serviceWorker.addEventListener("controllerchange", reload, { once: true });
    // The reader asked to reload: do so once the new worker is in charge, even if
    // this page hears of it late (a busy machine) or not at all.
    waiting.addEventListener("statechange", () => {
      if (waiting.state === "activated") reload();
    });
    ask(waiting, { type: "skip-waiting" }).then(() => {
      if (waiting.state === "activated") reload();
      else setTimeout(reload, ANSWER_MS);
    });
  });
}

/** `worker` once it has installed (null if it is redundant, absent, or takes too long). */
function installed(worker) {
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ANSWER_MS);
    const check = () => {
      if (worker.state === "installed" || worker.state === "activating" ||
          worker.state === "activated") {
        clearTimeout(timer);
        resolve(worker);
      } else if (worker.state === "redundant") {
        clearTimeout(timer);
        resolve(null);
      }
    };
    worker.addEventListener("statechange", check);
    check();
  });
}

// ---- tools and pages ----------------------------------------------------------

/** Download every file the tools need into the tools cache, reporting progress in bytes. */
export async function cacheTools(onProgress = () => {}) {
  if (!supported()) {
    return { ok: false, reason: "This browser cannot keep the tools for use offline." };
  }
  const worker = await activeWorker();
  if (!worker) {
    return { ok: false, reason: "The guide is still being saved on this device. Try again in a minute." };
  }
  const answer = await ask(worker, { type: "cache-tools" }, (done, total) => {
    try {
      onProgress(done, total);
    } catch {
      // The caller's display failing does not stop the download.
    }
  });
  if (!answer) return { ok: false, reason: "Saving the tools stopped. Try again." };
  return answer.ok ? { ok: true, bytes: answer.bytes } : { ok: false, reason: answer.reason };
}

/** The pages of this edition saved on this device, in the order of the guide's contents. */
export async function cachedPages() {
  const worker = await activeWorker();
  const answer = worker ? await ask(worker, { type: "cached-pages" }) : null;
  return Array.isArray(answer) ? answer : [];
}
