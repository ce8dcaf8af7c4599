// Opt-in drafts in this browser's localStorage, the limits a saved document
// must keep to (the same numbers and wording as tools/core/limits.py), and files to
// download. A draft exists only while the reader has ticked "Keep a draft on
// this device"; it is stored in the draft format of tools.drafts (C1 in
// ARCHITECTURE.md), and read back only through Python's lenient "restore".

const PREFIX = "roh-draft:";
export const DRAFT_FORMAT = "risk-of-harm-guide/draft";
export const DRAFT_FORMAT_VERSION = 1;

/** tools/core/limits.py: an imported file or a stored draft, and how deep its JSON may nest. */
export const MAX_DOCUMENT_CHARS = 1_000_000;
export const MAX_JSON_DEPTH = 32;

function storage() {
  try {
    const store = window.localStorage;
    const probe = PREFIX + "probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return null;  // storage blocked (locked-down browser, private mode)
  }
}

/** The stored draft of one tool, as text: parsing and checking it is Python's job. */
export class DraftStore {
  constructor(slug, toolVersion) {
    this.slug = slug;
    this.toolVersion = toolVersion;
    this.key = PREFIX + slug;
    this.store = storage();
  }

  get available() {
    return this.store !== null;
  }

  /** The stored text, or null when there is none (or storage went away). Never throws. */
  read() {
    if (!this.store) return null;
    try {
      return this.store.getItem(this.key);
    } catch {
      return null;
    }
  }

  /** Store `answers`; the stored text, or null when storage is full or blocked. */
  write(answers) {
    if (!this.store) return null;
    const text = JSON.stringify({
      format: DRAFT_FORMAT,
      format_version: DRAFT_FORMAT_VERSION,
      tool: this.slug,
      tool_version: this.toolVersion,
      saved_at: new Date().toISOString(),
      answers,
    });
    try {
      this.store.setItem(this.key, text);
      return text;
    } catch {
      return null;  // quota exceeded: the caller says so
    }
  }

  remove() {
    if (!this.store) return;
    try {
      this.store.removeItem(this.key);
    } catch {
      // Storage withdrawn since the page loaded: there is nothing left to remove.
    }
  }

  /** Whether a `storage` event is about this draft (key null: the whole store was cleared). */
  concerns(event) {
    return event.storageArea === this.store && (event.key === null || event.key === this.key);
  }
}

/**
 * Whether JSON `text` nests deeper than `limit`, by a scan that keeps no stack
 * (Pyodide's stack overflows on deep JSON far sooner than CPython's).
 */
export function nestsDeeperThan(text, limit = MAX_JSON_DEPTH) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;             // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {   // { [
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) {   // } ]
      depth -= 1;
    }
  }
  return false;
}

// The messages are tools/core/limits.py's, word for word: the reader hears the same
// thing whichever side notices first.
const FILE_TOO_LARGE = "The selected file is larger than 1 MB, so it cannot be a set of " +
  "answers saved from this page";
const FILE_TOO_DEEP = `The selected file is nested more than ${MAX_JSON_DEPTH} levels deep, so it ` +
  "cannot be a set of answers saved from this page";
const DRAFT_UNREADABLE = "This saved draft could not be read";

/** Why a chosen file cannot be a set of answers, judged by its size alone ("" if it may be). */
export function fileSizeProblem(bytes) {
  return bytes > MAX_DOCUMENT_CHARS ? FILE_TOO_LARGE : "";
}

/** Why the text of a chosen file cannot be a set of answers ("" if Python should judge it). */
export function fileTextProblem(text) {
  if (text.length > MAX_DOCUMENT_CHARS) return FILE_TOO_LARGE;
  return nestsDeeperThan(text) ? FILE_TOO_DEEP : "";
}

/** Why a stored draft cannot be read, judged before Python sees it ("" if Python should judge it). */
export function draftTextProblem(text) {
  if (text.length > MAX_DOCUMENT_CHARS) return `${DRAFT_UNREADABLE} (it is larger than 1 MB)`;
  if (nestsDeeperThan(text)) {
    return `${DRAFT_UNREADABLE} (it is nested more than ${MAX_JSON_DEPTH} levels deep)`;
  }
  return "";
}

/** "1 answer" or "12 answers". */
export function answersText(count) {
  return `${count} answer${count === 1 ? "" : "s"}`;
}

/** Offer `text` as a file download, made in the page: nothing is uploaded. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** "23 November 2026, 10:04" in the reader's time zone. */
export function readableTime(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "an earlier visit";
  return date.toLocaleString("en-GB", {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  });
}

/** Today as the forms expect dates: day/month/year. */
export function todayText(now = new Date()) {
  return `${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}`;
}

/** YYYY-MM-DD for file names. */
export function isoDay(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
