// Starts the tools' Python worker while the page is still loading, and says
// so if the page's modules never take over. A small classic script in <head>
// (on tool pages only): it runs the moment it arrives, before Material's
// styles are applied and its script runs, where an async module waited
// behind them (measured on the OGRS3 page: the worker started about 250 ms
// after navigation instead of about 50 ms). runtime.mjs adopts this worker
// (takeEarlyWorker), and the worker starts Pyodide at once because its URL
// names Pyodide's folder. Keep this in step with startWorker() in
// runtime.mjs: the blob: wrapper makes the worker inherit the page's CSP.
(function () {
  "use strict";
  if (location.protocol === "file:") return;  // file-notice.js explains

  // tool-form.mjs sets data-state on every tool as soon as it runs, and the
  // load event waits for it. If a module is missing or broken it never runs:
  // this classic script is then the only one left to tell the reader.
  var GRACE_MS = 1500;
  function stranded() {
    var tools = document.querySelectorAll('.roh-tool:not([data-state])');
    if (tools.length && globalThis.rohEarlyWorker) {  // nobody will use it: stop its work
      globalThis.rohEarlyWorker.worker.terminate();
      delete globalThis.rohEarlyWorker;
    }
    for (var i = 0; i < tools.length; i++) {
      var tool = tools[i];
      var noun = tool.hasAttribute("data-drafts") ? "checklist" : "calculator";
      var error = tool.querySelector('[data-role="boot-error"]');
      var text = tool.querySelector('[data-role="boot-error-text"]');
      var retry = tool.querySelector('[data-action="retry"]');
      if (!error || !text || !retry) continue;
      text.textContent = "The " + noun + " could not start: part of this page did not load. " +
        "Check your connection to this site, then try again. Trying again reloads the page, " +
        "so copy anything you have typed first.";
      error.setAttribute("role", "alert");
      error.hidden = false;
      tool.setAttribute("data-state", "error");
      retry.addEventListener("click", function (event) {
        // If the modules arrived after all, their own handler retries.
        if (!event.currentTarget.closest(".roh-tool").hasAttribute("data-enhanced")) {
          location.reload();
        }
      });
    }
  }
  window.addEventListener("load", function () { setTimeout(stranded, GRACE_MS); });

  var meta = document.querySelector('meta[name="roh-runtime"]');
  if (!meta || typeof WebAssembly !== "object" ||
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
  // The worker says at once when a boot file fails its check (protocol.mjs),
  // perhaps before runtime.mjs listens.
  early.worker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "fatal" && event.data.id === null) early.failed = true;
  });
  globalThis.rohEarlyWorker = early;
})();
