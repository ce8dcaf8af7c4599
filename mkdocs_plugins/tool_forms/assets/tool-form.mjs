// Enhances each server-rendered tool form ([data-module="roh-tool"]): starts
// the tab's Python runtime, shows its progress, sends answers, renders results
// and errors, marks a result out of date when answers change, copies it as
// text, starts again, removes rows, and (for checklists) drafts, export,
// import and print. Works on first load and after each Material instant
// navigation (document$).
import { DraftPanel } from "./draft-panel.mjs";
import { download, isoDay, readableTime, todayText } from "./drafts.mjs";
import { clearErrors, showErrors } from "./error-summary.mjs";
import { addRow, clear, collect, removeRow, resetRows, updateAddButton } from "./form-state.mjs";
import { ResultView } from "./result-view.mjs";
import { runtimeFor, unsupportedReason } from "./runtime.mjs";
import { FileTransfer } from "./transfer.mjs";

/** What the reader sees when the runtime fails in a way it did not describe itself. */
const UNEXPECTED = "Something went wrong in the calculator. Your answers are still here. " +
  "Try again, or reload the page.";

class ToolForm {
  constructor(root) {
    this.root = root;
    this.slug = root.dataset.tool;
    this.form = root.querySelector('[data-role="form"]');
    this.status = root.querySelector('[data-role="status"]');
    this.result = root.querySelector('[data-role="result"]');
    this.title = root.querySelector(".roh-tool__title");
    this.headingLevel = Number(this.title.tagName.slice(1));
    const again = this.find('[data-action="submit"]').textContent.trim().toLowerCase();
    this.view = new ResultView(root, {
      headingShift: this.headingLevel - 2,
      staleText: `Out of date — ${again} again. The answers have changed since this ` +
        "result was worked out.",
    });
  }

  /** The outcome on screen, if it is still true of the answers. */
  get lastOutcome() {
    return this.view.shown && !this.view.isStale ? this.view.outcome : null;
  }

  find(selector) {
    return this.root.querySelector(selector);
  }

  start() {
    const reason = unsupportedReason();
    if (reason) {
      const notice = this.find('[data-role="unsupported"]');
      notice.textContent = `${reason} The questions stay on this page so that you can read or print them.`;
      notice.hidden = false;
      this.root.dataset.state = "error";
      return;
    }
    // Every control is wired before anything that can fail on stored or fetched data runs.
    for (const group of this.form.querySelectorAll("[data-repeat]")) {
      updateAddButton(group);
      group.querySelector('[data-action="add-row"]').addEventListener("click", () => {
        const row = addRow(group, this.slug);
        row.querySelector("input, textarea, select").focus();
      });
    }
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.evaluate({ focusResult: true });
    });
    this.form.addEventListener("click", (event) => {
      const button = event.target.closest('[data-action="remove-row"]');
      if (button) this.removeRow(button.closest(".roh-repeat__row"));
    });
    for (const type of ["input", "change"]) {
      this.form.addEventListener(type, () => this.view.markStale());
    }
    this.wireStartAgain();
    this.find('[data-action="copy-text"]').addEventListener("click", () => this.copyText());
    this.find('[data-action="export-markdown"]').addEventListener("click", () => this.exportMarkdown());
    this.find('[data-action="retry"]').addEventListener("click", () => this.runtime?.start());
    if (this.root.hasAttribute("data-drafts")) {
      this.drafts = new DraftPanel(this);
      this.drafts.wire();
      new FileTransfer(this, this.drafts).wire();
    }
    this.fillToday();
    this.landOnHash();
    const base = document.baseURI;
    this.runtime = runtimeFor({
      workerUrl: new URL(this.root.dataset.worker, base).href,
      pyodideUrl: new URL(this.root.dataset.pyodide, base).href,
      archiveUrl: new URL(this.root.dataset.archive, base).href,
      timeout: Number(this.root.dataset.bootTimeout || 60000),
    });
    this.find('[data-action="submit"]').disabled = false;
    this.unsubscribe = this.runtime.subscribe((state, detail) => this.show(state, detail));
    this.runtime.start();
    if (this.drafts) {
      try {
        this.drafts.begin();
      } catch (error) {  // whatever storage holds, the form and its controls keep working
        console.error(error);
      }
    }
  }

  fillToday() {
    for (const input of this.form.querySelectorAll('[data-default="today"]')) {
      if (!input.value) input.value = todayText();
    }
  }

  /** A link to `#tool-<slug>` (the Tools page, the home page, the skip link) lands on the heading. */
  landOnHash() {
    const land = () => {
      if (this.root.isConnected && decodeURIComponent(location.hash.slice(1)) === this.root.id) {
        this.focusTitle();
      }
    };
    land();
    window.addEventListener("hashchange", land);
    // After an instant navigation the address may change after the page's modules run:
    // look again once the tool is ready, unless the reader has moved on meanwhile.
    this.landAgain = () => {
      const active = document.activeElement;
      if (!active || active === document.body) land();
    };
  }

  focusTitle() {
    this.title.scrollIntoView({ block: "start" });
    this.title.focus({ preventScroll: true });
  }

  wireStartAgain() {
    const button = this.find('[data-action="start-again"]');
    const confirm = this.find('[data-role="start-again-confirm"]');
    button.hidden = false;
    button.addEventListener("click", () => {
      if (!this.somethingToLose()) {
        this.startAfresh();
        return;
      }
      confirm.hidden = false;
      confirm.querySelector(".roh-notice__title").focus();
    });
    this.find('[data-action="start-again-cancel"]').addEventListener("click", () => {
      confirm.hidden = true;
      button.focus();
    });
    this.find('[data-action="start-again-confirm"]').addEventListener("click", () => {
      confirm.hidden = true;
      this.startAfresh();
    });
  }

  /** Whether starting again would throw away anything: answers, a result or a kept draft. */
  somethingToLose() {
    const today = new Set([...this.form.querySelectorAll('[data-default="today"]')]
      .filter((input) => input.value === todayText()).map((input) => input.name));
    const typed = Object.keys(collect(this.form)).some((name) => !today.has(name));
    return typed || this.view.shown || Boolean(this.drafts && this.drafts.exists());
  }

  /** Empty the form, the result and any kept draft; focus the first question. */
  startAfresh() {
    clear(this.form);
    resetRows(this.form);
    this.fillToday();
    clearErrors(this.root);
    this.view.clear();
    this.find('[data-role="start-again-confirm"]').hidden = true;
    const hadDraft = this.drafts ? this.drafts.startAfresh() : false;
    this.status.textContent = hadDraft
      ? "Every answer, the result and the draft kept on this device have been cleared."
      : "Every answer and the result have been cleared.";
    const first = this.form.querySelector("input, textarea, select");
    if (first) first.focus();
  }

  removeRow(row) {
    const group = row.closest("[data-repeat]");
    const legend = row.querySelector("legend").textContent.trim();
    const next = removeRow(group, row, this.slug);
    this.status.textContent = `${legend} removed. The rows after it have moved up one number.`;
    if (next) next.focus();
    // Autosave and stale marking follow every change of answers, this one too.
    this.form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  /** The result's outcome, worked out again if the answers changed since it was shown. */
  async currentOutcome() {
    return this.lastOutcome || this.evaluate();
  }

  async copyText() {
    const outcome = await this.currentOutcome();
    if (outcome) await this.view.copy(outcome.text);
  }

  async exportMarkdown() {
    const outcome = await this.currentOutcome();
    if (!outcome) return;
    try {
      download(`${this.slug}-${isoDay()}.md`, outcome.markdown, "text/markdown");
      this.find('[data-role="copy-status"]').textContent =
        "The document has been saved to your downloads as a Markdown file.";
    } catch (error) {
      console.error(error);
      showErrors(this.root, this.slug, [{ field: null, message:
        "The file could not be made: this browser refused the download. " +
        "Your answers are still in the form." }]);
    }
  }

  show(state, detail) {
    if (!this.root.isConnected) {  // the page was left by instant navigation
      this.unsubscribe && this.unsubscribe();
      return;
    }
    this.root.dataset.state = state === "idle" ? "loading" : state;
    const error = this.find('[data-role="boot-error"]');
    error.hidden = state !== "error";
    if (state === "loading") {
      this.status.replaceChildren(
        Object.assign(document.createElement("progress"), { className: "roh-progress" }),
        ` Loading the ${this.noun()}: ${detail} This can take several seconds on a slow computer. ` +
        "You can start filling in the form.");
    } else if (state === "ready") {
      this.status.textContent = `The ${this.noun()} is ready.`;
      if (this.landAgain) {
        this.landAgain();
        this.landAgain = null;
      }
      // For benchmarks/: when this form became usable, on the page's clock.
      this.root.dataset.readyAt = performance.now().toFixed(1);
    } else if (state === "error") {
      this.status.textContent = "";
      this.find('[data-role="boot-error-text"]').textContent =
        `The ${this.noun()} could not start. ${detail} Your answers are still in the form.` +
        (navigator.onLine === false ? "" : " Check your connection to this site, then try again.");
    }
  }

  noun() {
    return this.root.hasAttribute("data-drafts") ? "checklist" : "calculator";
  }

  async call(request) {
    if (this.runtime.state !== "ready") {
      this.status.textContent = `Your answers will be checked as soon as the ${this.noun()} has loaded.`;
    }
    return this.request(request);
  }

  /**
   * Send one request to Python; always resolves to a response ({ok, ...} or
   * {ok: false, errors}), whatever happens on the way.
   */
  async request(request) {
    try {
      const response = await this.runtime.call({ v: 1, tool: this.slug, ...request });
      if (response && typeof response === "object" && (response.ok || Array.isArray(response.errors))) {
        return response;
      }
      console.error("Unexpected response from the tools runtime", response);
    } catch (error) {
      console.error(error);
    }
    return { v: 1, ok: false, errors: [{ field: null, message: UNEXPECTED }] };
  }

  /** Evaluate the answers; resolves to the outcome, or null after showing errors. */
  async evaluate({ focusResult = false } = {}) {
    const started = performance.now();
    const response = await this.call({ op: "evaluate", inputs: collect(this.form) });
    if (!response.ok) {
      this.view.clear();  // never an old result beside the errors of new answers
      showErrors(this.root, this.slug, response.errors);
      return null;
    }
    clearErrors(this.root);
    this.view.show(response.outcome, { focus: focusResult });
    this.root.dataset.roundTripMs = (performance.now() - started).toFixed(1);  // benchmarks/
    return response.outcome;
  }

  /** Print only the result (the plan and its findings), not the page around it. */
  async print() {
    if (!(await this.evaluate())) return;
    const copy = document.createElement("div");
    copy.className = "roh-print-only md-typeset";
    const printed = document.createElement("p");
    printed.className = "roh-printed-on";
    printed.textContent = `Printed on ${readableTime(new Date().toISOString())}`;
    const result = this.result.cloneNode(true);
    for (const node of result.querySelectorAll('[data-role="result-actions"], [data-role="stale"]')) {
      node.remove();
    }
    for (const node of [result, ...result.querySelectorAll("[aria-live], [role], [id], [data-role]")]) {
      for (const name of ["aria-live", "role", "tabindex", "data-role", "id"]) node.removeAttribute(name);
    }
    copy.append(printed, result);
    document.body.append(copy);
    document.documentElement.classList.add("roh-print-tool");
    try {
      window.print();
    } finally {
      document.documentElement.classList.remove("roh-print-tool");
      copy.remove();
    }
  }
}

/** The page's "Skip to the calculator" link focuses the tool's heading. */
function wireSkipLinks() {
  for (const link of document.querySelectorAll("a[data-roh-skip]:not([data-enhanced])")) {
    link.dataset.enhanced = "";
    link.addEventListener("click", (event) => {
      const heading = document.getElementById(`${link.hash.slice(1)}-title`);
      if (!heading) return;
      event.preventDefault();
      event.stopPropagation();  // not a page visit for Material's instant navigation
      heading.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    });
  }
}

function enhance() {
  wireSkipLinks();
  for (const root of document.querySelectorAll('[data-module="roh-tool"]:not([data-enhanced])')) {
    root.dataset.enhanced = "";
    try {
      new ToolForm(root).start();
    } catch (error) {  // one broken instance must not stop the others
      root.dataset.state = "error";
      console.error(error);
    }
  }
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(enhance);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", enhance);
} else {
  enhance();
}
