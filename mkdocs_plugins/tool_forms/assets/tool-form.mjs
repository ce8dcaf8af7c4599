// Enhances each server-rendered tool form ([data-module="roh-tool"]): starts
// the tab's Python runtime, shows its progress, sends answers, renders results
// and errors, and (for checklists) drafts, export, import and print. Works on
// first load and after each Material instant navigation (document$).
import { DraftPanel } from "./draft-panel.mjs";
import { todayText } from "./drafts.mjs";
import { clearErrors, showErrors } from "./error-summary.mjs";
import { addRow, collect, updateAddButton } from "./form-state.mjs";
import { renderReport } from "./report.mjs";
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
    this.headingLevel = Number(root.querySelector(".roh-tool__title").tagName.slice(1));
    this.lastOutcome = null;
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
    this.find('[data-action="retry"]').addEventListener("click", () => this.runtime?.start());
    if (this.root.hasAttribute("data-drafts")) {
      this.drafts = new DraftPanel(this);
      this.drafts.wire();
      new FileTransfer(this, this.drafts).wire();
    }
    for (const input of this.form.querySelectorAll('[data-default="today"]')) {
      if (!input.value) input.value = todayText();
    }
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
      // For benchmarks/: when this form became usable, on the page's clock.
      this.root.dataset.readyAt = performance.now().toFixed(1);
    } else if (state === "error") {
      this.status.textContent = "";
      this.find('[data-role="boot-error-text"]').textContent =
        `The ${this.noun()} could not start. ${detail} Your answers are still in the form. ` +
        "Check your connection to this site, then try again.";
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
      showErrors(this.root, this.slug, response.errors);
      return null;
    }
    clearErrors(this.root);
    this.lastOutcome = response.outcome;
    this.result.replaceChildren(...renderReport(response.outcome.report, this.headingLevel - 2));
    this.root.dataset.hasResult = "";
    this.root.dataset.roundTripMs = (performance.now() - started).toFixed(1);  // benchmarks/
    if (focusResult) this.result.focus();
    return response.outcome;
  }

  /** Print only the result (the plan and its findings), not the page around it. */
  async print() {
    if (!(await this.evaluate())) return;
    const copy = document.createElement("div");
    copy.className = "roh-print-only md-typeset";
    const result = this.result.cloneNode(true);
    for (const name of ["aria-live", "tabindex", "data-role"]) result.removeAttribute(name);
    copy.append(result);
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

function enhance() {
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
