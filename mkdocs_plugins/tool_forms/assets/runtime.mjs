// One Python runtime per tab: a module worker started once and kept across
// Material's instant navigation, with a timeout (a corrupt or missing wasm
// makes loadPyodide() hang forever) and a retry.
import { Channel, callMessage, initMessage } from "./protocol.mjs";

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
    this.worker = worker;
    this.channel = new Channel(worker, (text) => this.set("loading", text));
    this.set("loading", "Starting…");
    const started = performance.now();
    this.ready = new Promise((resolve, reject) => {
      const fail = (reason) => {
        clearTimeout(timer);
        worker.terminate();
        this.channel.failAll(new Error(reason));
        this.set("error", reason);
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail(
        `Python did not start within ${Math.round(this.timeout / 1000)} seconds.`), this.timeout);
      const unloadable = () => fail("The tool’s files could not be loaded.");
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        unloadable();
      });
      if (early?.failed) unloadable();
      this.channel.send((id) => initMessage(id, this.urls.pyodideUrl, this.urls.archiveUrl))
        .then(() => {
          clearTimeout(timer);
          this.bootMs = performance.now() - started;
          root.dataset.rohRuntimeBootMs = String(Math.round(this.bootMs));
          this.set("ready");
          resolve();
        }, (error) => fail(`Python could not start (${error.message}).`));
    });
    this.ready.catch(() => {});  // callers handle it; avoid unhandled-rejection noise
    return this.ready;
  }

  /** Send one request object; resolves to the response object. */
  async call(request) {
    await this.start();
    const response = await this.channel.send((id) => callMessage(id, JSON.stringify(request)));
    return JSON.parse(response);
  }
}

let shared = null;

/** The tab's runtime; created on first use, the same one after instant navigation. */
export function runtimeFor(urls) {
  if (!shared || shared.urls.archiveUrl !== urls.archiveUrl) shared = new Runtime(urls);
  return shared;
}
