// The result region of a tool: shows a report, says (in words, for everyone)
// when the answers have changed since it was worked out, empties itself when a
// recalculation fails (an old result never sits beside new errors), and
// offers the result as text for a case record, copied or, where the browser
// refuses, selected in a box to copy by hand.
import { renderReport } from "./report.mjs";

export class ResultView {
  constructor(root, { headingShift, staleText }) {
    this.root = root;
    this.region = root.querySelector('[data-role="result"]');
    this.report = root.querySelector('[data-role="report"]');
    this.stale = root.querySelector('[data-role="stale"]');
    this.actions = root.querySelector('[data-role="result-actions"]');
    this.copyStatus = root.querySelector('[data-role="copy-status"]');
    this.fallback = root.querySelector('[data-role="copy-fallback"]');
    this.headingShift = headingShift;
    this.staleText = staleText;
    this.outcome = null;
  }

  get shown() {
    return this.outcome !== null;
  }

  get isStale() {
    return this.region.hasAttribute("data-stale");
  }

  /** Show a fresh outcome; with `focus`, bring its heading below the sticky header and focus it. */
  show(outcome, { focus = false } = {}) {
    this.outcome = outcome;
    this.report.replaceChildren(...renderReport(outcome.report, this.headingShift));
    this.region.removeAttribute("data-stale");
    this.stale.textContent = "";
    this.copyStatus.textContent = "";
    this.fallback.hidden = true;
    this.actions.hidden = false;
    this.root.dataset.hasResult = "";
    if (focus) {
      this.region.scrollIntoView({ block: "start" });
      this.region.focus({ preventScroll: true });
    }
  }

  /** The answers changed after the result was shown: say so once, beside the result. */
  markStale() {
    if (!this.shown || this.isStale) return;
    this.region.dataset.stale = "";
    this.stale.textContent = this.staleText;
  }

  /** No result: after a failed recalculation, or when the reader starts again. */
  clear() {
    this.outcome = null;
    this.report.replaceChildren();
    this.region.removeAttribute("data-stale");
    this.stale.textContent = "";
    this.copyStatus.textContent = "";
    this.fallback.hidden = true;
    this.actions.hidden = true;
    delete this.root.dataset.hasResult;
  }

  /** Put `text` on the clipboard; if the browser will not, show it selected to copy by hand. */
  async copy(text) {
    this.fallback.hidden = true;
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      this.copyStatus.textContent = "Copied as text. Paste it into the case record.";
    } catch {
      const box = this.fallback.querySelector("textarea");
      box.value = text;
      this.fallback.hidden = false;
      this.copyStatus.textContent = "This browser did not let the page copy the text. " +
        "It is in the box below, selected: press Ctrl+C (or Cmd+C) to copy it.";
      box.focus();
      box.select();
    }
  }
}
