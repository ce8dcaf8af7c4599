// What readers see of offline use, on top of offline-client.mjs (the only
// module that talks to the service worker):
// - every page: "A new version of this guide is available" with a button that
//   reloads into it. Never reloads by itself: a reader may be half-way through
//   a form, and the notice says so when the page holds answers not kept as a draft;
// - the offline page: the pages of this edition saved on this computer, as links,
//   grouped by the guide's sections;
// - the Tools page: "Make the tools available offline", with progress.
// Runs on first load and after each instant navigation (Material's document$).

import * as offline from "./offline-client.mjs";

const ROOT = new URL("../../", import.meta.url);
// The progress line is a live region: changing it more often would have a
// screen reader talk over itself.
const PROGRESS_EVERY_MS = 1000;
// register.mjs decides after the load event and an idle moment (at most 5 s).
const VERDICT_MS = 15_000;

/** "13.5 MB": decimal megabytes, as the Tools page's build-time figure (tools_page.megabytes). */
export function megabytes(bytes) {
  return `${(bytes / 1_000_000).toFixed(1)}\u00a0MB`;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Whether this browser lets the guide keep files at all. offline-client.mjs
 * cannot know before register.mjs has tried (a browser or policy that blocks
 * service workers still has the API): wait for its verdict on <html
 * data-roh-offline> (C5), which it gives after the page has loaded.
 */
function canKeepFiles(state) {
  if (!state.supported) return Promise.resolve(false);
  const verdict = () => document.documentElement.dataset.rohOffline;
  if (verdict()) return Promise.resolve(verdict() !== "unsupported");
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!verdict()) return;
      observer.disconnect();
      resolve(verdict() !== "unsupported");
    });
    // No verdict at all (register.mjs did not run): let the reader try.
    setTimeout(() => { observer.disconnect(); resolve(true); }, VERDICT_MS);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-roh-offline"] });
  });
}

// ---- the update notice ---------------------------------------------------------

let updateWaiting = false;
// Tool forms the reader has typed into since the page loaded (a form can hold
// answers it was given, such as today's date, that a reload gives back).
const typedInto = new WeakSet();

function noteTyping(event) {
  const target = event.target instanceof Element ? event.target : null;
  const form = target && target.closest('[data-module="roh-tool"] [data-role="form"]');
  if (!form || !event.isTrusted) return;
  if (event.type !== "click") typedInto.add(form);
  else if (target.closest('[data-action="start-again-confirm"]')) typedInto.delete(form);  // cleared
}

/** Whether a tool on this page holds answers typed here that a reload would clear. */
export function unsavedAnswers(root = document) {
  for (const tool of root.querySelectorAll('[data-module="roh-tool"]')) {
    const form = tool.querySelector('[data-role="form"]');
    const keep = tool.querySelector('[data-action="keep-draft"]');
    if (form && typedInto.has(form) && !(keep && keep.checked)) return true;
  }
  return false;
}

/**
 * The notice's live region, made empty as soon as this module runs (a region
 * must exist before its text changes to be announced). It sits before the
 * header, where Material's announcement bar goes: in the page's flow, so it
 * covers nothing, and outside the part instant navigation replaces.
 */
function updateRegion() {
  let region = document.querySelector("[data-roh-update]");
  if (!region) {
    region = element("div", { class: "roh-update", role: "status", "data-roh-update": "" });
    const header = document.querySelector(".md-header");
    if (header) header.before(region);
    else document.body.prepend(region);
  }
  return region;
}

function showUpdate() {
  const region = updateRegion();
  if (!updateWaiting || region.querySelector("[data-action=reload-update]")) {
    refreshWarning();
    return;
  }
  const warning = element("p", { class: "roh-update__warning", "data-role": "update-warning" },
    "Reloading clears the answers on this page that are not kept as a draft.");
  warning.hidden = !unsavedAnswers();
  const button = element("button", {
    type: "button", class: "roh-button roh-update__button", "data-action": "reload-update",
  }, "Reload to see it");
  button.addEventListener("click", async () => {
    if (button.getAttribute("aria-disabled") === "true") return;
    // aria-disabled, not disabled: the button keeps keyboard focus meanwhile.
    button.setAttribute("aria-disabled", "true");
    button.textContent = "Reloading…";
    await offline.applyUpdate();  // reloads this tab once the new version has taken over
    button.removeAttribute("aria-disabled");  // it could not: the reader can try again
    button.textContent = "Reload to see it";
  });
  region.replaceChildren(element("div", { class: "roh-update__inner md-grid" },
    element("div", { class: "roh-update__message" },
      element("p", { class: "roh-update__text" }, "A new version of this guide is available."),
      warning),
    button));
}

function refreshWarning() {
  const warning = document.querySelector("[data-roh-update] [data-role=update-warning]");
  if (!warning) return;
  const hide = !unsavedAnswers();
  if (warning.hidden !== hide) warning.hidden = hide;
}

offline.onUpdate(() => {
  updateWaiting = true;
  showUpdate();
});
// Answers typed, cleared or kept as a draft change what a reload would lose.
for (const type of ["input", "change", "click"]) {
  document.addEventListener(type, (event) => {
    noteTyping(event);
    setTimeout(refreshWarning);
  }, { passive: true });
}

// ---- the offline page: what is saved ----------------------------------------------

/** Saved pages under the nav's sections, in nav order; the rest under "Other pages". */
export function groupPages(pages, groups) {
  const found = groups.map(([prefix, title]) => ({ prefix, title, pages: [] }));
  const other = { prefix: "", title: "Other pages", pages: [] };
  for (const page of pages) {
    if (page.url === "offline/") continue;
    const group = found.find(({ prefix }) => page.url.startsWith(prefix)) || other;
    group.pages.push(page);
  }
  return [...found, other].filter((group) => group.pages.length > 0);
}

/**
 * The page the reader asked for, or null when they opened the offline page itself.
 * The worker either sends them here (`offline/?from=<address>`: `moved`) or shows
 * this page at the address asked for.
 */
export function askedFor(here = location.href) {
  const url = new URL(here);
  const from = url.searchParams.get("from");
  if (from === null) {
    url.search = "";
    url.hash = "";
    return url.href === new URL("offline/", ROOT).href ? null : { url, moved: false };
  }
  const target = new URL(from, ROOT);
  const inside = target.origin === ROOT.origin && target.pathname.startsWith(ROOT.pathname);
  return inside ? { url: target, moved: true } : null;
}

function showAskedFor(root) {
  const slot = root.querySelector("[data-role=offline-from]");
  const asked = askedFor();
  if (!slot || !asked || !asked.moved) return;  // at that address: a reload is what to do
  const target = asked.url;
  // A reload here would show this page again: offer the page itself.
  const sentence = slot.closest("p");
  sentence.replaceChildren("When you are back online, ",
    element("a", { href: target.href }, "open the page you asked for"), " again.");
}

async function showSavedPages(box) {
  const say = (text) => box.replaceChildren(element("p", {}, text));
  say("Checking which pages are saved on this computer…");
  const state = await offline.status();
  if (!(await canKeepFiles(state))) {
    say("This browser does not let the guide keep pages for use offline, so only pages " +
        "still in its own cache can open.");
    return;
  }
  const reason = document.querySelector("[data-role=offline-reason]");
  if (reason && askedFor() && state.pages.total > 0 && state.pages.cached === state.pages.total) {
    // Everything is saved, so the address is not a page of this edition.
    reason.textContent = "Every page of this edition is saved on this computer, but there is " +
      "no page at the address you asked for. It may be mistyped, or from another edition.";
  }
  const groups = JSON.parse(box.dataset.groups || "[]");
  const grouped = groupPages(await offline.cachedPages(), groups);
  const count = grouped.reduce((sum, group) => sum + group.pages.length, 0);
  if (count === 0) {
    say("No pages of this edition are saved on this computer yet. They are saved the next " +
        "time you open the guide with a connection.");
    return;
  }
  const parts = [element("p", {}, count === 1
    ? "1 page of this edition is saved on this computer:"
    : `${count} pages of this edition are saved on this computer:`)];
  for (const group of grouped) {
    parts.push(element("h3", {}, group.title));
    parts.push(element("ul", {}, ...group.pages.map((page) =>
      element("li", {}, element("a", { href: new URL(page.url, ROOT).href }, page.title)))));
  }
  box.replaceChildren(...parts);
}

// ---- the Tools page: "Make the tools available offline" ---------------------------

class ToolsOffline {
  constructor(box) {
    this.box = box;
    this.button = box.querySelector("[data-action=cache-tools]");
    this.intro = box.querySelector("[data-role=tools-offline-intro]");
    this.status = box.querySelector("[data-role=tools-offline-status]");
    this.bytes = Number(box.dataset.bytes || 0);
    this.button.addEventListener("click", () => this.save());
  }

  async begin() {
    const state = await offline.status();
    if (!(await canKeepFiles(state))) {
      this.show("unsupported", "This browser cannot keep the tools for use offline: it does " +
        "not let websites save files for later (private windows and some managed computers " +
        "do not). The tools still work while you are online.");
      return;
    }
    if (state.tools.cached) {
      this.show("cached", "The tools are available offline on this computer.");
      return;
    }
    this.show("idle", "");
  }

  /** One state at a time: the button shows only where pressing it can help. */
  show(state, text, buttonText = "Make the tools available offline") {
    this.box.dataset.state = state;
    const offer = state === "idle" || state === "failed";
    this.intro.hidden = !offer;
    this.button.hidden = !offer && state !== "saving";
    // aria-disabled, not disabled: the button keeps keyboard focus while saving.
    if (state === "saving") this.button.setAttribute("aria-disabled", "true");
    else this.button.removeAttribute("aria-disabled");
    this.button.textContent = buttonText;
    this.status.textContent = text;
  }

  progress(done, total) {
    return `Saving… ${megabytes(done)} of ${megabytes(total || this.bytes)}`;
  }

  async save() {
    if (this.box.dataset.state === "saving") return;
    this.show("saving", this.progress(0, this.bytes), "Saving…");
    let shown = Date.now();
    const result = await offline.cacheTools((done, total) => {
      if (Date.now() - shown < PROGRESS_EVERY_MS) return;
      shown = Date.now();
      this.status.textContent = this.progress(done, total);
    });
    if (result.ok) {
      this.show("done", `Done: the tools are available offline on this computer ` +
        `(${megabytes(result.bytes || this.bytes)} saved).`);
      return;
    }
    this.show("failed", `The tools could not be saved. ${result.reason}`, "Try again");
    this.button.focus();
  }
}

// ---- on every page, and after each instant navigation ---------------------------

function enhance() {
  updateRegion();
  if (updateWaiting) showUpdate();
  showAskedFor(document);
  for (const box of document.querySelectorAll("[data-roh-offline-pages]:not([data-enhanced])")) {
    box.dataset.enhanced = "";
    showSavedPages(box);
  }
  for (const box of document.querySelectorAll("[data-roh-tools-offline]:not([data-enhanced])")) {
    box.dataset.enhanced = "";
    new ToolsOffline(box).begin();
  }
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(enhance);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", enhance);
} else {
  enhance();
}
