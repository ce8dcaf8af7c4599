// Section helpers: copy a section's short link, go to a section by number,
// glossary toggletips, and print with every collapsible block open. Runs on
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

function enhanceGoto() {
  const form = document.querySelector("[data-goto]:not([data-enhanced])");
  if (!form) return;
  form.dataset.enhanced = "";
  form.hidden = false;
  const input = form.querySelector("input");
  const status = form.querySelector('[role="status"]');
  input.addEventListener("input", () => { status.textContent = ""; form.classList.remove("roh-goto--error"); });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const number = parseSectionNumber(input.value);
    let sections;
    try {
      sections = await loadSections();
    } catch {
      announce(status, "The list of sections could not be loaded. Use the contents instead.");
      return;
    }
    const section = number && sections[number];
    if (!section) {
      form.classList.add("roh-goto--error");
      const shown = (input.value || "").trim();
      announce(status, shown
        ? `There is no section ${number || `“${shown}”`} in this guide. Check the number, or use the contents or the A–Z index.`
        : "Enter a section number, for example 2.6.4.");
      input.focus();
      return;
    }
    status.textContent = "";
    input.value = "";
    const target = new URL(`${section.path}#s${number}`, SITE_ROOT);
    location.assign(target.href);
  });
}

function closeTip(button) {
  const tip = document.getElementById(button.getAttribute("aria-controls"));
  button.setAttribute("aria-expanded", "false");
  if (tip) tip.replaceChildren();
}

function openTip(button) {
  for (const other of document.querySelectorAll('.roh-abbr__button[aria-expanded="true"]')) {
    if (other !== button) closeTip(other);
  }
  const tip = document.getElementById(button.getAttribute("aria-controls"));
  const text = document.createElement("span");
  text.textContent = `${tip.dataset.term}: ${tip.dataset.text} `;
  const link = document.createElement("a");
  link.href = `${tip.dataset.href}#${tip.dataset.term.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  link.textContent = "Glossary entry";
  tip.replaceChildren(text, link);
  button.setAttribute("aria-expanded", "true");
}

function enhanceToggletips(root) {
  for (const button of root.querySelectorAll(".roh-abbr__button[hidden]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-expanded") === "true") closeTip(button);
      else openTip(button);
    });
  }
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const button of document.querySelectorAll('.roh-abbr__button[aria-expanded="true"]')) {
    closeTip(button);
    button.focus();
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
  enhanceGoto();
  enhanceToggletips(document);
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(enhance);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", enhance);
} else {
  enhance();
}
