// The message format between the page and the tools worker, and the response
// shape both sides fall back on. Only this module knows them; both sides import
// it. Only JSON strings cross into Python.
//
//   page → worker: {id, type: "init", pyodideUrl, archiveUrl}
//                  {id, type: "call", request}            request: a JSON string
//   worker → page: {type: "progress", text}
//                  {id, type: "ready"}
//                  {id, type: "result", response}         response: a JSON string, never
//                                                         with a "detail" (logged instead)
//                  {id, type: "fatal", message}           message: plain text for a reader;
//                                                         after a call: Python is gone,
//                                                         start a new worker
//                  {type: "snapshot", state}              after ready: "stored" (this
//                                                         Python's memory is kept for the
//                                                         next tab), "used" (it started
//                                                         from one), "failed", "unavailable"
//                  {id: null, type: "fatal", message}     this worker cannot start (a boot
//                                                         file failed its check); sent at
//                                                         once, before or after INIT
//
// Responses have the shape of tools.core.runtime.handle (ARCHITECTURE.md, contract C1).

export const INIT = "init";
export const CALL = "call";
export const PROGRESS = "progress";
export const READY = "ready";
export const RESULT = "result";
export const FATAL = "fatal";
export const SNAPSHOT = "snapshot";

/** The whole request text Python accepts (tools/core/limits.py, same number and wording). */
export const MAX_REQUEST_CHARS = 2_000_000;
export const REQUEST_TOO_LARGE = "Your answers add up to more than 2,000,000 characters, " +
  "which is more than this page can check. Shorten the longest answers and try again.";
/** What a reader sees when Python fails in a way the calculator did not foresee. */
export const SOMETHING_WENT_WRONG = "Something went wrong in the calculator. Your answers " +
  "are still here. Try again; if it happens again, reload the page.";
/** A boot file is missing, truncated or not the one this build made. */
export const FILES_NOT_LOADED = "The tool’s files could not be loaded.";
export const PYTHON_NOT_STARTED = "Python could not start.";
export const OFFLINE_NOT_SAVED = "This computer is offline, and the tools have not been " +
  "saved on it for use offline. Connect to the internet, then try again. To use the tools " +
  "offline later, choose “Make the tools available offline” on the Tools page.";

export const initMessage = (id, pyodideUrl, archiveUrl) => ({ id, type: INIT, pyodideUrl, archiveUrl });
export const callMessage = (id, request) => ({ id, type: CALL, request });
export const progressMessage = (text) => ({ type: PROGRESS, text });
export const readyMessage = (id) => ({ id, type: READY });
export const resultMessage = (id, response) => ({ id, type: RESULT, response });
export const snapshotMessage = (state) => ({ type: SNAPSHOT, state });
export const fatalMessage = (id, message) => ({ id, type: FATAL, message });

/** A response in the C1 shape saying one thing went wrong, for no particular field. */
export const errorResponse = (message) => ({ v: 1, ok: false, errors: [{ field: null, message }] });

/** Whether `value` has the C1 response shape the page relies on. */
export function isResponse(value) {
  if (!value || typeof value !== "object" || value.v !== 1) return false;
  if (value.ok === true) return true;
  return value.ok === false && Array.isArray(value.errors) && value.errors.length > 0 &&
    value.errors.every((error) => error && typeof error.message === "string");
}

/** Sends messages to a worker and matches each reply to its request by id. */
export class Channel {
  constructor(worker, onProgress) {
    this.worker = worker;
    this.nextId = 1;
    this.pending = new Map();
    this.broken = null;  // set when the worker says it cannot start
    worker.addEventListener("message", (event) => {
      const message = event.data || {};
      if (message.type === PROGRESS) {
        onProgress(message.text);
        return;
      }
      if (message.type === FATAL && message.id === null) {
        this.broken = new Error(message.message);
        this.failAll(this.broken);
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.type === FATAL) waiting.reject(new Error(message.message));
      else waiting.resolve(message.type === RESULT ? message.response : null);
    });
  }

  send(build) {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(build(id));
    });
  }

  /** Fail every request still waiting (the worker died or was stopped). */
  failAll(error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
