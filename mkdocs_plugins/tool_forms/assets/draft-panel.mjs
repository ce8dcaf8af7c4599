// A checklist's opt-in draft in this browser: restored through Python's lenient
// "restore" (which names every answer it could not put back), and shared safely
// between tabs. Every control is wired before anything that can fail runs, and
// no failure clears what the reader has typed.
//
// Tabs: a tab writes the draft only while the stored text is exactly the text
// it last read or wrote itself (`seen`). Any other text means another tab has
// written it since; no text means it was deleted. Either way this tab stops
// saving and says so. The `storage` event (fired in every other tab of the
// origin when the draft changes) brings the news at once; the check before
// each write catches an event still in flight.
import { DraftStore, draftTextProblem, readableTime } from "./drafts.mjs";
import { collect, fill } from "./form-state.mjs";
import { clearNotice, showNotice } from "./notice.mjs";

const SAVE_DELAY_MS = 300;
const KEEP_LABEL = "“Keep a draft on this device”";

export class DraftPanel {
  constructor(tool) {
    this.tool = tool;
    this.root = tool.root;
    this.form = tool.form;
    this.panel = this.find('[data-role="drafts"]');
    this.keep = this.find('[data-action="keep-draft"]');
    this.status = this.find('[data-role="draft-status"]');
    this.notice = this.find('[data-role="draft-notice"]');
    this.store = new DraftStore(tool.slug, Number(this.root.dataset.toolVersion || 1));
    this.seen = null;         // the stored text as this tab last read or wrote it
    this.blocked = "";        // "" | "deleted" | "other-tab": not saving, and why
    this.pending = null;      // a stored text not yet restored: {text, response}
    this.typed = false;       // the reader changed the form while `pending`
  }

  find(selector) {
    return this.root.querySelector(selector);
  }

  /** Wire every control. Nothing here reads storage or can fail on what it holds. */
  wire() {
    this.panel.hidden = false;
    this.keep.addEventListener("change", () => this.keepChanged());
    const later = () => {
      if (this.pending) this.typed = true;
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    };
    this.form.addEventListener("input", later);
    this.form.addEventListener("change", later);
    this.deleteButton = this.find('[data-action="delete-draft"]');
    this.deleteButton.addEventListener("click", () => {
      this.deleteDraft();
      this.keep.focus();  // the button it was on has gone with the draft
    });
    // The notice's buttons come and go with it: one listener serves them all.
    this.notice.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      const act = button && this.noticeActions[button.dataset.action];
      if (act) act();
    });
    this.onStorage = (event) => this.storageChanged(event);
    window.addEventListener("storage", this.onStorage);
  }

  get noticeActions() {
    return {
      "draft-delete": () => this.deleteDraft(),
      "draft-restore": () => this.applyPending(),
      "draft-take": () => this.takeOver(),
      "draft-load": () => this.loadOther(),
      "draft-retry": () => this.loadOther(),
      "draft-start-new": () => this.tool.startAfresh(),
    };
  }

  /** Whether a draft (readable or not) is stored for this tool on this device. */
  exists() {
    return this.store.read() !== null;
  }

  /** "Delete draft" is offered only while there is a draft to delete. */
  refreshDelete() {
    this.deleteButton.hidden = !this.exists();
  }

  /** Start again: delete the draft, if there is one; true if there was. */
  startAfresh() {
    const had = this.exists() || this.keep.checked;
    this.deleteDraft();
    this.status.textContent = "";
    return had;
  }

  /** The form now holds imported answers: keep them, and never restore over them. */
  imported() {
    if (this.pending) this.typed = true;
    this.save();
  }

  show(kind, tone, title, lines, actions) {
    showNotice(this.notice, { kind, tone, title, lines, actions });
    this.refreshDelete();
  }

  clearNotice(...kinds) {
    clearNotice(this.notice, kinds);
  }

  /** Read the stored draft (if any) and restore it. Safe on anything storage holds. */
  begin() {
    if (!this.store.available) {
      this.keep.disabled = true;
      this.status.textContent = "This browser does not allow drafts to be kept. " +
        "Use “Export answers” to save your answers to a file instead.";
      return;
    }
    const text = this.store.read();
    this.refreshDelete();
    if (text !== null) this.restore(text);
  }

  /** Restore `text` into the form, unless the reader has typed meanwhile (then offer it). */
  async restore(text) {
    this.seen = text;
    const problem = draftTextProblem(text);
    if (problem) {
      this.unreadable(problem);
      return;
    }
    this.pending = { text, response: null };
    this.keep.disabled = true;  // ticking it now would overwrite the draft before it is back
    this.show("pending", "info", "You have a draft saved on this device", [
      "It will be put back in the form as soon as the checklist has loaded.",
    ], [["draft-delete", "Delete it", "warning"]]);
    const response = await this.tool.request({ op: "restore", draft: text });
    if (!this.pending || this.pending.text !== text) return;  // deleted or replaced meanwhile
    if (!response.ok) {
      const drafty = response.errors.find((error) => error.field === "draft");
      if (drafty) {
        this.unreadable(drafty.message);
      } else {
        // Python could not run: the draft stays as it is (the box stays locked, so that
        // ticking it cannot overwrite the draft) until the reader tries again or deletes it.
        this.pending = null;
        this.show("restore-failed", "error", "Your saved draft has not been restored",
          [...response.errors.map((error) => error.message),
            "It is still on this device, unchanged."],
          [["draft-retry", "Try again"], ["draft-delete", "Delete it", "warning"]]);
      }
      return;
    }
    this.pending.response = response;
    if (this.typed) {
      this.show("restore-offered", "info", `You have a draft from ${readableTime(response.saved_at)}`, [
        "It has not been put in the form because you had started typing. Restoring it replaces " +
        "the answers in the form.",
      ], [["draft-restore", "Restore the draft"], ["draft-delete", "Delete it", "warning"]]);
      return;
    }
    this.applyPending();
  }

  /** Put the restored answers in the form and say exactly what was and was not restored. */
  applyPending() {
    const { text, response } = this.pending;
    this.pending = null;
    fill(this.form, this.tool.slug, response.inputs);
    this.tool.view.markStale();
    this.seen = text;
    this.blocked = "";
    this.keep.disabled = false;
    this.keep.checked = true;
    const lines = response.upgraded ? [response.upgraded] : [];
    if (response.message) lines.push(response.message);
    lines.push("It is kept on this device as you type. Delete it when you have finished. " +
      "If this is not your case, start a new one: that deletes this draft from the device.");
    const title = this.root.dataset.toolTitle || "form";
    const named = title.charAt(0).toLowerCase() + title.slice(1);
    this.show("restored", "success", `Your draft from ${readableTime(response.saved_at)} was restored`,
      lines, [["draft-start-new", `Start a new ${named} (clears this draft)`, "warning"]]);
    this.status.textContent = "Your answers are being kept on this device as you type.";
  }

  unreadable(message) {
    this.pending = null;
    this.keep.disabled = false;
    this.keep.checked = false;
    const detail = message.replace(/^This saved draft could not be read\s*/, "")
      .replace(/^\((.*)\)\.?$/s, "$1");
    const lines = detail ? [`${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`] : [];
    lines.push("The form works without it. Delete it to stop seeing this message.");
    this.show("unreadable", "error", "This saved draft could not be read", lines,
      [["draft-delete", "Delete it", "warning"]]);
  }

  keepChanged() {
    if (!this.keep.checked) {
      this.deleteDraft();
      return;
    }
    const current = this.store.read();
    if (current !== null && current !== this.seen) {  // another tab keeps this draft
      this.keep.checked = false;
      this.otherTab();
      return;
    }
    this.blocked = "";
    this.clearNotice("deleted", "other-tab");
    if (this.write()) this.status.textContent = "Your answers are being kept on this device as you type.";
  }

  deleteDraft() {
    this.store.remove();
    this.seen = null;
    this.pending = null;
    this.blocked = "";
    this.keep.disabled = !this.store.available;
    this.keep.checked = false;
    clearTimeout(this.saveTimer);
    this.clearNotice();
    this.refreshDelete();
    this.status.textContent = "Draft deleted from this device. Your answers stay on this " +
      "page until you leave it.";
  }

  /** Autosave: only while ticked, nothing is pending, and the draft is still this tab's. */
  save() {
    if (!this.keep.checked || this.blocked || this.pending) return;
    const current = this.store.read();
    if (current !== this.seen) {
      if (current === null) this.deletedElsewhere();
      else this.otherTab();
      return;
    }
    this.write();
  }

  write() {
    const text = this.store.write(collect(this.form));
    if (text === null) {
      this.status.textContent = "Your draft could not be saved: this browser’s storage is " +
        "full or blocked. Export your answers to a file instead.";
      return false;
    }
    this.seen = text;
    this.refreshDelete();
    return true;
  }

  storageChanged(event) {
    if (!this.root.isConnected) {  // the page was left by instant navigation
      window.removeEventListener("storage", this.onStorage);
      return;
    }
    if (!this.store.concerns(event)) return;
    this.refreshDelete();
    const current = this.store.read();
    if (current === this.seen) return;
    if (current === null) {
      if (this.keep.checked || this.pending || this.seen !== null) this.deletedElsewhere();
    } else if (this.pending) {
      this.restore(current);  // not restored yet here: the other tab's is the newer draft
    } else if (this.keep.checked) {
      this.otherTab();
    }
  }

  deletedElsewhere() {
    clearTimeout(this.saveTimer);
    if (this.blocked === "deleted") return;
    this.seen = null;
    this.pending = null;
    this.blocked = "deleted";
    this.keep.disabled = false;
    this.keep.checked = false;
    this.show("deleted", "info", "Your draft was deleted in another tab", [
      "What you type here is no longer kept on this device. Your answers stay on this page. " +
      `To keep them again, tick ${KEEP_LABEL}.`,
    ], []);
    this.status.textContent = "Not being kept: the draft was deleted in another tab.";
  }

  otherTab() {
    clearTimeout(this.saveTimer);
    if (this.blocked === "other-tab") return;  // said once, not at every keystroke over there
    this.blocked = "other-tab";
    this.show("other-tab", "warning", "This draft is open in another tab", [
      "Changes here would overwrite it, so they are not being saved. Your answers stay on this page.",
    ], [["draft-take", "Save this tab’s answers as the draft"],
      ["draft-load", "Load the draft from the other tab"]]);
    this.status.textContent = "Not being saved: this draft is open in another tab.";
  }

  /** The reader chose this tab's answers: they become the draft (the other tab will say so). */
  takeOver() {
    this.blocked = "";
    this.keep.checked = true;
    if (!this.write()) return;
    this.show("taken", "success", "Your draft now holds the answers in this tab", [
      "The other tab will not save over them.",
    ], []);
    this.status.textContent = "Your answers are being kept on this device as you type.";
  }

  /** The reader chose the other tab's answers: restore the stored draft into this form. */
  loadOther() {
    const text = this.store.read();
    if (text === null) {
      this.deletedElsewhere();
      return;
    }
    this.blocked = "";
    this.typed = false;  // the reader asked for the stored answers in place of these
    this.restore(text);
  }

}
