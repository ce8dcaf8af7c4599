// The version selector keeps the section: choosing another edition in
// Material's selector from a numbered page lands on the same section (by its
// uid) in that edition, through the target edition's section map, not on a
// page that happens to have the same path. Other pages keep Material's own
// behaviour. The page's uid is read when the reader chooses, so this works
// after any number of instant navigations (the header, and this listener,
// outlive each page swap; the edition line carrying the uid does not).
// Every request stays on this site's origin.

const EDITION_ROOT = new URL("../../", import.meta.url);
const MAP = "assets/roh/section-map.json";
const maps = new Map();

/** The section map of the edition at `root` (fetched once per visit). */
function loadMap(root) {
  const url = new URL(MAP, root);
  if (url.origin !== location.origin) return Promise.reject(new Error("another site"));
  if (!maps.has(url.href)) {
    const request = fetch(url, { credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    request.catch(() => maps.delete(url.href));
    maps.set(url.href, request);
  }
  return maps.get(url.href);
}

/**
 * Where section `uid` is in the `target` edition's map, as a URL relative to
 * that edition's root: the same uid, the section that replaced it (going to a
 * newer edition), the section it replaced (going to an older one), or "" (the
 * edition's home) when the section is not there.
 */
export function sameSection(uid, target, own) {
  const sections = new Map((target.sections || []).map((s) => [s.uid, s]));
  if (sections.has(uid)) return sections.get(uid).url;
  const forward = (target.retired || []).find(
    (r) => r.uid === uid && r.replaced_by && sections.has(r.replaced_by));
  if (forward) return sections.get(forward.replaced_by).url;
  const backward = ((own && own.retired) || []).find(
    (r) => r.replaced_by === uid && sections.has(r.uid));
  if (backward) return sections.get(backward.uid).url;
  return "";
}

async function destination(uid, targetRoot) {
  try {
    const [target, own] = await Promise.all([
      loadMap(targetRoot),
      loadMap(EDITION_ROOT).catch(() => null),
    ]);
    return new URL(sameSection(uid, target, own), targetRoot);
  } catch {
    return targetRoot;  // no map there: the edition's home, as Material would
  }
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
      || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element
    ? event.target.closest(".md-version a[href]") : null;
  if (!link) return;
  const line = document.querySelector(".roh-edition-line[data-roh-uid]");
  if (!line) return;
  const targetRoot = new URL(link.href, location.href);
  if (targetRoot.origin !== location.origin) return;
  // Before Material's own handler on <body>, which would match by path.
  event.preventDefault();
  event.stopPropagation();
  link.setAttribute("aria-busy", "true");
  // Only ever to a page of this site: a map naming another origin gets the edition's home.
  destination(line.dataset.rohUid, targetRoot).then((url) => location.assign(
    (url.origin === location.origin ? url : targetRoot).href));
}

/**
 * Material names its selector button "Select version" while it shows "1.0":
 * a speech-input user saying what they see would miss it (WCAG 2.5.3, axe
 * label-content-name-mismatch). Give it a name that contains what it shows.
 */
export function nameSelector(root) {
  const button = root.querySelector(".md-version__current");
  if (!button) return false;
  const shown = button.textContent.trim();
  button.setAttribute("aria-label", `Edition ${shown}: choose another edition`);
  // "1.0 (May 2011)": a narrow header shows only the number (editions.css).
  const cut = shown.indexOf(" (");
  if (cut > 0) {
    const detail = document.createElement("span");
    detail.className = "roh-version-detail";
    detail.textContent = shown.slice(cut);
    button.replaceChildren(shown.slice(0, cut), detail);
  }
  return true;
}

function watchSelector() {
  const header = document.querySelector("[data-md-component=header]") || document.body;
  if (nameSelector(header)) return;
  // Material renders the selector once versions.json has arrived.
  const observer = new MutationObserver(() => {
    if (nameSelector(header)) observer.disconnect();
  });
  observer.observe(header, { childList: true, subtree: true });
}

if (!window.rohEditionsSelector) {
  window.rohEditionsSelector = true;
  window.addEventListener("click", onClick, true);
  watchSelector();
}
