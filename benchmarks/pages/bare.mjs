// Baseline for benchmarks/browser.py: the same blob: module-worker start as the
// tools use, running only loadPyodide(). Sets data-bare-ready-at on <html>.
const worker = new Worker(URL.createObjectURL(new Blob(
  [`import ${JSON.stringify(new URL("bare-worker.mjs", import.meta.url).href)};`],
  { type: "text/javascript" })), { type: "module" });
worker.addEventListener("message", () => {
  document.documentElement.dataset.bareReadyAt = performance.now().toFixed(1);
});
worker.postMessage(new URL(document.documentElement.dataset.pyodide || "../assets/pyodide/", location.href).href);
