// Section helpers: copy a section's short link, go to a section by number
// (or search for words), a missing page's search link, glossary toggletips, and print with every collapsible block open. Runs on
// first load and after each Material instant navigation (document$).

const SITE_ROOT = new URL("../../", import.meta.url);
let sectionsMap = null;

/** "2.6.4", "s2.6.4", "§2.6.4", "section 2.6.4", "Section 2.6.4." → "2.6.4" (or ""). */
export function parseSectionNumber(text) {
  const match = /^\s*(?:section\s*|s\s*|§\s*)?(\d+(?:\.\d+)*)\.?\s*$/i.exec(text || "");
  return match ? match[1].split(".").map((part) => String(Number(part))).join(".") : "";
}

async function loadSections() {
  if (!sectionsMap) {
    const response = await fetch(new URL("assets/roh/sections.json", SITE_ROOT));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    sectionsMap = await response.json();
  }
  return sectionsMap;
}

function announce(status, text) {
  status.textContent = "";
  // A fresh change, so the same message is announced again on a second click.
  setTimeout(() => { status.textContent = text; }, 50);
}

function enhanceCopyLinks(root) {
  for (const block of root.querySelectorAll(".roh-citation:not([data-enhanced])")) {
    block.dataset.enhanced = "";
    const link = block.querySelector(".roh-citation__link");
    const button = block.querySelector("[data-copy-link]");
    const status = block.querySelector(".roh-citation__status");
    // The published short link (the current edition's /s/<n>/, or a superseded
    // edition's /<edition>/s/<n>/), not this page's relative route.
    const url = block.dataset.shortLink || new URL(link.getAttribute("href"), location.href).href;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard");
        await navigator.clipboard.writeText(url);
        announce(status, "Link copied");
      } catch {
        showFallback(block, url, status);
      }
    });
  }
}

function showFallback(block, url, status) {
  let field = block.querySelector(".roh-citation__field");
  if (!field) {
    const id = `${block.querySelector(".roh-citation__status").id}-field`;
    const label = document.createElement("label");
    label.className = "roh-citation__field-label";
    label.htmlFor = id;
    label.textContent = "Link to this section (select it and copy it)";
    field = document.createElement("input");
    field.className = "roh-citation__field";
    field.id = id;
    field.readOnly = true;
    field.value = url;
    block.append(label, field);
  }
  field.focus();
  field.select();
  announce(status, "Copying is not available here: the link is selected, press Control and C to copy it");
}

/** A message with links: parts are strings or [text, href] pairs. */
function say(status, parts) {
  status.replaceChildren();
  setTimeout(() => {
    status.replaceChildren(...parts.map((part) => {
      if (typeof part === "string") return document.createTextNode(part);
      const link = document.createElement("a");
      link.href = part[1];
      link.textContent = part[0];
      return link;
    }));
  }, 50);
}

const contentsLink = () => ["contents", new URL("./", SITE_ROOT).href];
const indexLink = () => ["A–Z index", new URL("a-z-index/", SITE_ROOT).href];

/** Material's own search, opened with `query` typed in (or its ?q= address on a page without it). */
export function openSearch(query) {
  const toggle = document.getElementById("__search");
  const input = document.querySelector(".md-search__input");
  if (!toggle || !input) {
    leaveFor(new URL(`?q=${encodeURIComponent(query)}`, SITE_ROOT));
    return;
  }
  toggle.checked = true;
  toggle.dispatchEvent(new Event("change"));
  input.value = query;
  input.focus();
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
}

/** The words of a missing page's address: "/5.0/mapa-category/" → "mapa category". */
export function pathWords(pathname, rootPath) {
  let rest = pathname.startsWith(rootPath) ? pathname.slice(rootPath.length) : pathname;
  try { rest = decodeURIComponent(rest); } catch { /* keep it as typed */ }
  const words = [];
  for (const word of rest.split(/[\s/\-_+,;:!?()[\]"']+/)) {
    const clean = word.replace(/\.(html?|md)$/i, "").replace(/^\.+|\.+$/g, "");
    if (clean && !/^(index|latest)$/i.test(clean) && !words.includes(clean.toLowerCase())) {
      words.push(clean.toLowerCase());
    }
  }
  return words.join(" ");
}

function enhanceGoto(root) {
  for (const form of root.querySelectorAll("[data-goto]:not([data-enhanced])")) {
    form.dataset.enhanced = "";
    form.hidden = false;
    const input = form.querySelector("input");
    const status = form.querySelector('[role="status"]');
    input.addEventListener("input", () => { status.replaceChildren(); form.classList.remove("roh-goto--error"); });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      goTo(form, input, status);
    });
  }
}

async function goTo(form, input, status) {
  const shown = (input.value || "").trim();
  const number = parseSectionNumber(shown);
  if (!shown) {
    form.classList.add("roh-goto--error");
    say(status, ["Enter a section number, for example 2.6.4, or words to search for."]);
    input.focus();
    return;
  }
  if (!number && !/^[\d.\s§]+$/.test(shown)) {
    // Words, not a number: the site search, with them typed in.
    status.replaceChildren();
    input.value = "";
    openSearch(shown);
    return;
  }
  let sections;
  try {
    sections = await loadSections();
  } catch {
    say(status, ["The list of sections could not be loaded. Use the ", contentsLink(),
      " or the ", indexLink(), " instead."]);
    return;
  }
  const section = number && sections[number];
  if (!section) {
    form.classList.add("roh-goto--error");
    say(status, [`There is no section ${number || `“${shown}”`} in this guide. Check the number, or use the `,
      contentsLink(), " or the ", indexLink(), "."]);
    input.focus();
    return;
  }
  status.replaceChildren();
  input.value = "";
  leaveFor(new URL(`${section.path}#s${number}`, SITE_ROOT));
}

/** The one navigation this module makes: to a page of this guide (its own folder's origin). */
function leaveFor(target) {
  if (target.origin !== SITE_ROOT.origin) return;
  location.assign(target.href);
}

/** A missing page (404): its search link carries the address's words. */
function enhanceNotFound(root) {
  for (const link of root.querySelectorAll("a[data-search-path]:not([data-enhanced])")) {
    link.dataset.enhanced = "";
    const words = pathWords(location.pathname, SITE_ROOT.pathname);
    if (!words) continue;
    link.href = new URL(`?q=${encodeURIComponent(words)}`, SITE_ROOT).href;
    link.textContent = `Search the guide for “${words}”`;
  }
}

// Toggletips: open on click, on keyboard focus and on hover; close on Escape,
// on a click elsewhere and on leaving, after a grace period long enough to
// move the pointer into the tip (WCAG 1.4.13: dismissible, hoverable, persistent).
const GRACE_MS = 400;
const leaving = new WeakMap();

function tipOf(button) {
  return document.getElementById(button.getAttribute("aria-controls"));
}

function closeTip(button) {
  clearTimeout(leaving.get(button));
  const tip = tipOf(button);
  button.setAttribute("aria-expanded", "false");
  delete button.dataset.pinned;
  if (tip) tip.replaceChildren();
}

function openTip(button) {
  clearTimeout(leaving.get(button));
  if (button.getAttribute("aria-expanded") === "true") return;
  for (const other of document.querySelectorAll('.roh-abbr__button[aria-expanded="true"]')) {
    if (other !== button) closeTip(other);
  }
  const tip = tipOf(button);
  const term = document.createElement("dfn");
  term.id = `${tip.id}-term`;
  term.textContent = tip.dataset.term;
  const meaning = document.createElement("span");
  meaning.setAttribute("role", "definition");
  meaning.setAttribute("aria-labelledby", term.id);
  meaning.textContent = tip.dataset.text;
  const link = document.createElement("a");
  link.href = `${tip.dataset.href}#${tip.dataset.term.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  link.textContent = "Glossary entry";
  tip.replaceChildren(term, document.createTextNode(": "), meaning, document.createTextNode(" "), link);
  button.setAttribute("aria-expanded", "true");
  keepInWindow(tip);
}

/** Shift an open tip left so it ends 8 px inside the window (a term near a phone's right edge). */
function keepInWindow(tip) {
  tip.style.left = "";
  const box = tip.getBoundingClientRect();
  const over = box.right - (document.documentElement.clientWidth - 8);
  if (over > 0) tip.style.left = `${-Math.min(over, Math.max(0, box.left - 8))}px`;
}

function leaveSoon(button, wrapper) {
  clearTimeout(leaving.get(button));
  leaving.set(button, setTimeout(() => {
    if (button.dataset.pinned === undefined && !wrapper.matches(":hover")
        && !wrapper.contains(document.activeElement)) closeTip(button);
  }, GRACE_MS));
}

function enhanceToggletips(root) {
  for (const button of root.querySelectorAll(".roh-abbr__button[hidden]")) {
    const wrapper = button.closest(".roh-abbr");
    button.hidden = false;
    button.addEventListener("click", () => {
      if (button.dataset.pinned !== undefined) {
        closeTip(button);
        return;
      }
      openTip(button);
      button.dataset.pinned = "";
    });
    wrapper.addEventListener("pointerenter", (event) => {
      if (event.pointerType === "mouse" || event.pointerType === "pen") openTip(button);
    });
    wrapper.addEventListener("pointerleave", () => leaveSoon(button, wrapper));
    button.addEventListener("focus", () => openTip(button));
    wrapper.addEventListener("focusout", (event) => {
      if (!wrapper.contains(event.relatedTarget)) leaveSoon(button, wrapper);
    });
  }
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const button of document.querySelectorAll('.roh-abbr__button[aria-expanded="true"]')) {
    const focused = button.closest(".roh-abbr").contains(document.activeElement);
    closeTip(button);
    if (focused) button.focus({ preventScroll: true });
  }
});
document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest(".roh-abbr")) return;
  for (const button of document.querySelectorAll('.roh-abbr__button[aria-expanded="true"]')) closeTip(button);
});

// Print every collapsible block open, then put them back as the reader had them.
let reopened = [];
window.addEventListener("beforeprint", () => {
  reopened = [...document.querySelectorAll("details:not([open])")];
  for (const details of reopened) details.open = true;
});
window.addEventListener("afterprint", () => {
  for (const details of reopened) details.open = false;
  reopened = [];
});

function enhance() {
  enhanceCopyLinks(document);
  enhanceGoto(document);
  enhanceNotFound(document);
  enhanceToggletips(document);
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(enhance);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", enhance);
} else {
  enhance();
}
