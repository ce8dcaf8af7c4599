// The module worker that owns Python. It is started from a blob: wrapper so
// that the page's Content-Security-Policy governs it (a worker loaded from a
// URL would get no policy from a <meta> tag). Pyodide and the tools archive
// come from this site only.
import {
  CALL, INIT, fatalMessage, progressMessage, readyMessage, resultMessage,
} from "./protocol.mjs";

const TOOLS_DIR = "/tmp/roh-tools";
let handle = null;

async function loadPython(pyodideUrl) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideUrl).href);
  return loadPyodide({ indexURL: pyodideUrl });
}

// The worker's own URL names Pyodide's folder (`?pyodide=`, relative to this
// module), so Python starts loading the moment the worker runs, before the
// page has finished loading and sent INIT. A failure here is reported when
// INIT awaits the same promise.
const early = new URL(import.meta.url).searchParams.get("pyodide");
let python = early ? loadPython(new URL(early, import.meta.url).href) : null;
python?.catch(() => {});

async function boot({ pyodideUrl, archiveUrl }) {
  self.postMessage(progressMessage("Loading Python…"));
  const archive = fetch(archiveUrl);  // in parallel with Python's start
  archive.catch(() => {});
  const pyodide = await (python ??= loadPython(pyodideUrl));
  self.postMessage(progressMessage("Loading the guide’s tools…"));
  const response = await archive;
  if (!response.ok) throw new Error(`the tools archive could not be loaded (HTTP ${response.status})`);
  pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: TOOLS_DIR });
  pyodide.runPython(`import sys\nsys.path.insert(0, "${TOOLS_DIR}")`);
  handle = pyodide.pyimport("tools.runtime").handle;
}

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  if (message.type === INIT) {
    try {
      await boot(message);
      self.postMessage(readyMessage(message.id));
    } catch (error) {
      self.postMessage(fatalMessage(message.id, String(error && error.message || error)));
    }
  } else if (message.type === CALL) {
    try {
      if (!handle) throw new Error("Python has not started");
      self.postMessage(resultMessage(message.id, handle(message.request)));
    } catch (error) {
      self.postMessage(fatalMessage(message.id, String(error && error.message || error)));
    }
  }
});
