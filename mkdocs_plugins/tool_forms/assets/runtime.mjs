// One Python runtime per tab: a module worker started once and kept across
// Material's instant navigation, with a timeout (the worker reports broken
// boot files at once; the timeout is the last resort) and a retry. call()
// never rejects: whatever happens, the page gets a response in the shape of
// tools.core.runtime.handle, and a worker that died is replaced for the next call.
import {
  Channel, FILES_NOT_LOADED, MAX_REQUEST_CHARS, OFFLINE_NOT_SAVED, REQUEST_TOO_LARGE, SNAPSHOT, SOMETHING_WENT_WRONG, callMessage,
  errorResponse, initMessage, isResponse,
} from "./protocol.mjs";

/** Why this browser cannot run the tools, or "" when it can. */
export function unsupportedReason() {
  if (location.protocol === "file:") {
    return "This tool cannot run from a file opened on your computer: browsers do not allow " +
      "it. Open the guide from its web address (starting http or https) instead.";
  }
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return "This tool needs WebAssembly and Web Workers, which are turned off or not " +
      "available in this browser. Ask your IT team, or use an up-to-date browser.";
  }
  return "";
}

/** A module worker that inherits the page's CSP: see the blob: note in tools-worker.mjs. */
function startWorker(workerUrl) {
  const wrapper = URL.createObjectURL(new Blob(
    [`import ${JSON.stringify(workerUrl)};`], { type: "text/javascript" }));
  const worker = new Worker(wrapper, { type: "module", name: "roh-tools" });
  URL.revokeObjectURL(wrapper);
  return worker;
}

/**
 * The worker boot.js started from <head> for this page, taken once: a retry,
 * or another page after instant navigation, starts its own.
 */
function takeEarlyWorker(workerUrl) {
  const early = globalThis.rohEarlyWorker;
  delete globalThis.rohEarlyWorker;
  if (early && early.workerUrl === workerUrl) return early;
  early?.worker.terminate();
  return null;
}

class Runtime {
  constructor({ workerUrl, pyodideUrl, archiveUrl, timeout }) {
    this.urls = { workerUrl, pyodideUrl, archiveUrl };
    this.timeout = timeout;
    this.listeners = new Set();
    this.state = "idle";
    this.detail = "";
  }

  /** Listen to state changes: fn(state, detail) with state loading | ready | error. */
  subscribe(fn) {
    this.listeners.add(fn);
    fn(this.state, this.detail);
    return () => this.listeners.delete(fn);
  }

  set(state, detail = "") {
    this.state = state;
    this.detail = detail;
    for (const fn of [...this.listeners]) fn(state, detail);
  }

  start() {
    if (this.state === "loading" || this.state === "ready") return this.ready;
    const root = document.documentElement;
    root.dataset.rohRuntimeStarts = String(Number(root.dataset.rohRuntimeStarts || 0) + 1);
    const early = takeEarlyWorker(this.urls.workerUrl);
    const worker = early ? early.worker : startWorker(this.urls.workerUrl);
    const channel = new Channel(worker, (text) => this.set("loading", text));
    // Whether the next tab may start from a snapshot (snapshot.mjs); tests and benchmarks wait on it.
    worker.addEventListener("message", (event) => {
      if (event.data?.type === SNAPSHOT) root.dataset.rohSnapshot = String(event.data.state);
    });
    this.worker = worker;
    this.channel = channel;
    this.set("loading", "Starting…");
    const started = performance.now();
    let booted = false;
    this.ready = new Promise((resolve, reject) => {
      const fail = (reason) => {
        clearTimeout(timer);
        worker.terminate();
        channel.failAll(new Error(reason));
        reject(new Error(reason));
        if (this.worker === worker) this.set("error", reason);
      };
      const timer = setTimeout(() => fail(
        `Python did not start within ${Math.round(this.timeout / 1000)} seconds.`), this.timeout);
      // Offline with the tools never saved is the likeliest reason, and the reader can act on it.
      const unloadable = () => fail(navigator.onLine === false ? OFFLINE_NOT_SAVED : FILES_NOT_LOADED);
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        if (booted) this.lost(worker, "the worker stopped with an error");
        else unloadable();
      });
      if (early?.failed) unloadable();
      channel.send((id) => initMessage(id, this.urls.pyodideUrl, this.urls.archiveUrl))
        .then(() => {
          clearTimeout(timer);
          booted = true;
          this.bootMs = performance.now() - started;
          root.dataset.rohRuntimeBootMs = String(Math.round(this.bootMs));
          this.set("ready");
          resolve();
        }, (error) => fail(error.message));  // the worker's message is plain text for readers
    });
    this.ready.catch(() => {});  // callers handle it; avoid unhandled-rejection noise
    return this.ready;
  }

  /** The ready worker died: answer what it was asked with an error, start another. */
  lost(worker, why) {
    if (this.worker !== worker) return;
    console.error("The tools' Python stopped; starting it again:", why);
    worker.terminate();
    this.channel.failAll(new Error(why));
    this.state = "idle";
    this.start();
  }

  /**
   * Send one request object; resolves to a response object in the C1 shape.
   * Never rejects: an oversized request, a runtime that cannot start and a
   * dead worker each resolve to an error response.
   */
  async call(request) {
    let text;
    try {
      text = JSON.stringify(request);
    } catch (error) {
      console.error("The request could not be written as JSON:", error);
      return errorResponse(SOMETHING_WENT_WRONG);
    }
    if (text.length > MAX_REQUEST_CHARS) return errorResponse(REQUEST_TOO_LARGE);
    try {
      await this.start();
    } catch (error) {
      return errorResponse(`This tool could not start. ${error.message} Your answers are ` +
        "still here. Use “Try again” above, or reload the page.");
    }
    const worker = this.worker;
    let reply;
    try {
      reply = await this.channel.send((id) => callMessage(id, text));
    } catch (error) {  // the worker said Python is gone, or it died
      this.lost(worker, error.message);
      return errorResponse(SOMETHING_WENT_WRONG);
    }
    try {
      const response = JSON.parse(reply);
      if (isResponse(response)) return response;
      console.error("The calculator's response has the wrong shape:", response);
    } catch (error) {
      console.error("The calculator's response was not JSON:", error);
    }
    return errorResponse(SOMETHING_WENT_WRONG);
  }
}

let shared = null;

/** The tab's runtime; created on first use, the same one after instant navigation. */
export function runtimeFor(urls) {
  if (!shared || shared.urls.archiveUrl !== urls.archiveUrl) shared = new Runtime(urls);
  return shared;
}
