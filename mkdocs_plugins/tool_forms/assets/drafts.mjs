// Opt-in drafts in this browser's localStorage, and files to download. A
// draft exists only while the reader has ticked "Keep a draft on this device".

const PREFIX = "roh-draft:";

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

export class DraftStore {
  constructor(slug) {
    this.key = PREFIX + slug;
    this.store = storage();
  }

  get available() {
    return this.store !== null;
  }

  load() {
    if (!this.store) return null;
    try {
      const draft = JSON.parse(this.store.getItem(this.key) || "null");
      return draft && typeof draft.answers === "object" ? draft : null;
    } catch {
      return null;
    }
  }

  save(answers) {
    if (!this.store) return false;
    try {
      this.store.setItem(this.key, JSON.stringify({ answers, saved_at: new Date().toISOString() }));
      return true;
    } catch {
      return false;  // quota exceeded: the caller says so
    }
  }

  remove() {
    if (this.store) this.store.removeItem(this.key);
  }
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
  if (Number.isNaN(date.getTime())) return "an earlier visit";
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
