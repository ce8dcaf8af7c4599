// Starts Python as early as the page allows. Loaded `async` from <head> on
// pages that have a tool, so the worker boots while the rest of the page (and
// Material's own script) is still loading. tool-form.mjs later finds the same
// runtime already on its way (runtime.mjs keeps one per tab).
import { runtimeFor, unsupportedReason } from "./runtime.mjs";

const meta = document.querySelector('meta[name="roh-runtime"]');
if (meta && !unsupportedReason()) {
  const base = document.baseURI;
  runtimeFor({
    workerUrl: new URL(meta.dataset.worker, base).href,
    pyodideUrl: new URL(meta.dataset.pyodide, base).href,
    archiveUrl: new URL(meta.dataset.archive, base).href,
    timeout: Number(meta.dataset.bootTimeout || 60000),
  }).start();
}
