// A checklist's files: export the answers (Python's "export") and import
// answers from a file (the document is downloaded by tool-form.mjs): the size and depth limits of
// tools/core/limits.py are checked here before Python's strict "import" sees the
// text. Every path ends in a message, and a failed import changes nothing.
import { answersText, download, fileSizeProblem, fileTextProblem, isoDay } from "./drafts.mjs";
import { clearErrors, showErrors } from "./error-summary.mjs";
import { collect, fill } from "./form-state.mjs";

const IMPORT_FIELD = "import-file";

export class FileTransfer {
  constructor(tool, drafts) {
    this.tool = tool;
    this.drafts = drafts;
    this.root = tool.root;
    this.form = tool.form;
    this.status = this.root.querySelector('[data-role="draft-status"]');
  }

  wire() {
    const on = (action, type, fn) =>
      this.root.querySelector(`[data-action="${action}"]`).addEventListener(type, fn);
    on("export-json", "click", () => this.exportJson());
    on("print", "click", () => this.tool.print());
    on("import", "change", (event) => this.import(event.target));
  }

  async exportJson() {
    const response = await this.tool.request(
      { op: "export", inputs: collect(this.form), saved_at: new Date().toISOString() });
    if (!response.ok) {
      showErrors(this.root, this.tool.slug, response.errors);
      return;
    }
    if (this.offer("json", response.document, "application/json")) {
      this.status.textContent = "Your answers have been exported to a file in your downloads.";
    }
  }

  /** Offer a download; false (and a message) if this browser refuses it. */
  offer(extension, text, type) {
    try {
      download(`${this.tool.slug}-${isoDay()}.${extension}`, text, type);
      return true;
    } catch (error) {
      console.error(error);
      showErrors(this.root, this.tool.slug, [{ field: null, message:
        "The file could not be made: this browser refused the download. " +
        "Your answers are still in the form." }]);
      return false;
    }
  }

  /** Import a chosen file; on any problem the form keeps every answer it had. */
  async import(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    const refuse = (message) => showErrors(this.root, this.tool.slug,
      [{ field: IMPORT_FIELD, message }]);
    try {
      const tooBig = fileSizeProblem(file.size);
      if (tooBig) {
        refuse(tooBig);
        return;
      }
      let text;
      try {
        text = await file.text();
      } catch {
        refuse("The selected file could not be read. Select it again. Nothing was imported, " +
          "so nothing has been lost");
        return;
      }
      const problem = fileTextProblem(text);
      if (problem) {
        refuse(problem);
        return;
      }
      const response = await this.tool.request({ op: "import", document: text });
      if (!response.ok) {
        showErrors(this.root, this.tool.slug, response.errors.map((error) =>
          ({ ...error, field: error.field || IMPORT_FIELD })));
        return;
      }
      clearErrors(this.root);
      fill(this.form, this.tool.slug, response.inputs);
      this.drafts.imported();
      this.tool.view.markStale();
      const count = Number.isInteger(response.imported)
        ? response.imported : Object.keys(response.inputs).length;
      const upgraded = response.upgraded ? ` ${response.upgraded}` : "";
      this.status.textContent = `${answersText(count)} imported from “${file.name}”.${upgraded}`;
    } finally {
      input.value = "";  // choosing the same file again is a new import
    }
  }
}
