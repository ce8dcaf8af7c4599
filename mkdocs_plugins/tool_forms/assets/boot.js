// Starts the tools' Python worker while the page is still loading. A small
// classic script in <head> (on tool pages only): it runs the moment it
// arrives, before Material's styles are applied and its script runs, where an
// async module waited behind them (measured on the OGRS3 page: the worker
// started about 250 ms after navigation instead of about 50 ms). runtime.mjs
// adopts this worker (takeEarlyWorker), and the worker starts Pyodide at once
// because its URL names Pyodide's folder. Keep this in step with startWorker()
// in runtime.mjs: the blob: wrapper makes the worker inherit the page's CSP.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="roh-runtime"]');
  if (!meta || location.protocol === "file:" || typeof WebAssembly !== "object" ||
      typeof Worker !== "function" || typeof Blob !== "function") {
    return;  // runtime.mjs explains to the reader why the tool cannot start
  }
  var workerUrl = new URL(meta.getAttribute("data-worker"), document.baseURI).href;
  var wrapper = URL.createObjectURL(new Blob(
    ["import " + JSON.stringify(workerUrl) + ";"], { type: "text/javascript" }));
  var early = { workerUrl: workerUrl, failed: false, worker: null };
  try {
    early.worker = new Worker(wrapper, { type: "module", name: "roh-tools" });
  } catch (error) {
    return;  // no module workers here: runtime.mjs tries again and reports
  } finally {
    URL.revokeObjectURL(wrapper);
  }
  early.worker.addEventListener("error", function (event) {
    event.preventDefault();
    early.failed = true;
  });
  globalThis.rohEarlyWorker = early;
})();
