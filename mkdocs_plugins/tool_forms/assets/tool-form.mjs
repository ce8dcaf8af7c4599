// Enhances each server-rendered tool form ([data-module="roh-tool"]): starts
// the tab's Python runtime, shows its progress, sends answers, renders results
// and errors, and (for checklists) drafts, export, import and print. Works on
// first load and after each Material instant navigation (document$).
import { DraftStore, download, isoDay, readableTime, todayText } from "./drafts.mjs";
import { clearErrors, showErrors } from "./error-summary.mjs";
import { addRow, collect, fill, updateAddButton } from "./form-state.mjs";
import { renderReport } from "./report.mjs";
import { runtimeFor, unsupportedReason } from "./runtime.mjs";

const IMPORT_FIELD = "import-file";
const SAVE_DELAY_MS = 300;

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
    const base = document.baseURI;
    this.runtime = runtimeFor({
      workerUrl: new URL(this.root.dataset.worker, base).href,
      pyodideUrl: new URL(this.root.dataset.pyodide, base).href,
      archiveUrl: new URL(this.root.dataset.archive, base).href,
      timeout: Number(this.root.dataset.bootTimeout || 60000),
    });
    for (const input of this.form.querySelectorAll('[data-default="today"]')) {
      if (!input.value) input.value = todayText();
    }
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
    this.find('[data-action="retry"]').addEventListener("click", () => this.runtime.start());
    this.find('[data-action="submit"]').disabled = false;
    if (this.root.hasAttribute("data-drafts")) this.startDrafts();
    this.unsubscribe = this.runtime.subscribe((state, detail) => this.show(state, detail));
    this.runtime.start();
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
    return this.runtime.call({ v: 1, tool: this.slug, ...request });
  }

  /** Evaluate the answers; resolves to the outcome, or null after showing errors. */
  async evaluate({ focusResult = false } = {}) {
    const started = performance.now();
    let response;
    try {
      response = await this.call({ op: "evaluate", inputs: collect(this.form) });
    } catch (error) {
      showErrors(this.root, this.slug, [{ field: null, message:
        `The ${this.noun()} could not check your answers (${error.message}). Your answers are kept: try again.` }]);
      return null;
    }
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

  startDrafts() {
    const panel = this.find('[data-role="drafts"]');
    panel.hidden = false;
    this.drafts = new DraftStore(this.slug);
    this.keep = this.find('[data-action="keep-draft"]');
    this.draftStatus = this.find('[data-role="draft-status"]');
    if (!this.drafts.available) {
      this.keep.disabled = true;
      this.draftStatus.textContent = "This browser does not allow drafts to be kept. " +
        "Use “Export answers” to save your answers to a file instead.";
    }
    const draft = this.drafts.load();
    if (draft) {
      fill(this.form, this.slug, draft.answers);
      this.keep.checked = true;
      this.draftStatus.textContent = `Your draft from ${readableTime(draft.saved_at)} has been ` +
        "restored. Untick the box or delete the draft to remove it from this device.";
    }
    this.keep.addEventListener("change", () => {
      if (this.keep.checked) {
        this.saveDraft();
        this.draftStatus.textContent = "Your answers are being kept on this device as you type.";
      } else {
        this.drafts.remove();
        this.draftStatus.textContent = "Draft deleted from this device. Your answers stay on this " +
          "page until you leave it.";
      }
    });
    const later = () => {
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => this.saveDraft(), SAVE_DELAY_MS);
    };
    this.form.addEventListener("input", later);
    this.form.addEventListener("change", later);
    this.find('[data-action="delete-draft"]').addEventListener("click", () => {
      this.drafts.remove();
      this.keep.checked = false;
      this.draftStatus.textContent = "Draft deleted from this device. Your answers stay on this " +
        "page until you leave it.";
    });
    this.find('[data-action="export-json"]').addEventListener("click", () => this.exportJson());
    this.find('[data-action="export-markdown"]').addEventListener("click", () => this.exportMarkdown());
    this.find('[data-action="print"]').addEventListener("click", () => this.print());
    this.find('[data-action="import"]').addEventListener("change", (event) => this.import(event.target));
  }

  saveDraft() {
    if (!this.keep.checked) return;
    if (!this.drafts.save(collect(this.form))) {
      this.draftStatus.textContent = "Your draft could not be saved: this browser’s storage is " +
        "full or blocked. Export your answers to a file instead.";
    }
  }

  async exportJson() {
    const saved = new Date().toISOString();
    const response = await this.call({ op: "export", inputs: collect(this.form), saved_at: saved });
    if (!response.ok) {
      showErrors(this.root, this.slug, response.errors);
      return;
    }
    download(`${this.slug}-${isoDay()}.json`, response.document, "application/json");
    this.draftStatus.textContent = "Your answers have been exported to a file in your downloads.";
  }

  async exportMarkdown() {
    const outcome = await this.evaluate();
    if (!outcome) return;
    download(`${this.slug}-${isoDay()}.md`, outcome.markdown, "text/markdown");
    this.draftStatus.textContent = "The plan has been exported to a Markdown file in your downloads.";
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

  async import(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    const text = await file.text();
    input.value = "";
    const response = await this.call({ op: "import", document: text });
    if (!response.ok) {
      showErrors(this.root, this.slug, response.errors.map((error) =>
        ({ ...error, field: error.field || IMPORT_FIELD })));
      return;
    }
    clearErrors(this.root);
    fill(this.form, this.slug, response.inputs);
    this.saveDraft();
    this.draftStatus.textContent = `The answers from “${file.name}” have been imported.`;
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
