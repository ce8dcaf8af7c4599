// The module worker that owns Python. It runs only as the site's own: started
// from a blob: wrapper made by a page of this site, the page's
// Content-Security-Policy governs it (a worker loaded from a URL would get no
// policy from a <meta> tag, so a script could start this file directly and
// point it anywhere). Started any other way, it fetches nothing and closes.
// Pyodide and the tools archive come from this origin only, and every boot
// file is checked against the build's manifest (boot-files.mjs). Python's
// failures reach the page as plain messages; their detail goes to the console.
//
// Boot, in order of what overlaps what: the manifest, the tools archive and
// (when one is kept) a memory snapshot are fetched and checked while Pyodide's
// wasm downloads and compiles; the archive is unpacked once Python runs
// (importing from it as a zip instead measured slower). After the first ready, and before
// any request, this Python's memory is kept as a snapshot (snapshot.mjs) that
// the next tab starts from; any trouble with one means a normal boot.
import { BootFileError, BootFiles } from "./boot-files.mjs";
import {
  CALL, FILES_NOT_LOADED, INIT, OFFLINE_NOT_SAVED, PYTHON_NOT_STARTED, SOMETHING_WENT_WRONG, errorResponse,
  fatalMessage, progressMessage, readyMessage, resultMessage, snapshotMessage,
} from "./protocol.mjs";
import { SnapshotStore } from "./snapshot.mjs";

const HOME = new URL(import.meta.url);

/** Whether `url` is on this module's own origin (compared as parsed URLs, never as text). */
function isOwn(url) {
  return url.origin === HOME.origin && url.protocol === HOME.protocol;
}

/** `text` resolved against this module, or null when it is elsewhere or not a URL. */
function ownUrl(text) {
  if (typeof text !== "string") return null;
  try {
    const url = new URL(text, HOME);
    return isOwn(url) ? url : null;
  } catch {
    return null;
  }
}

/** Started by our own page: inside a blob: wrapper made on this module's origin. */
function startedByOurPage() {
  return self.location.protocol === "blob:" && self.location.origin === HOME.origin;
}

let pyodide = null;
let handle = null;

/** Where the tools archive is unpacked. */
const TOOLS_DIR = "/tmp/roh-tools";
/** How long a start from a snapshot may take before a normal boot is tried instead. */
const SNAPSHOT_START_MS = 20_000;

/** Rejects after `ms`: loadPyodide() may never settle when what it was given is wrong. */
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Whether Python still answers after an exception (a fatal error leaves it unusable). */
function alive() {
  try {
    pyodide.runPython("None");
    return true;
  } catch {
    return false;
  }
}

/** Python's response text without its `detail`, which only the console may see. */
function forThePage(text) {
  let response;
  try {
    response = JSON.parse(text);
  } catch (error) {
    console.error("The calculator's response was not JSON:", error, text);
    return JSON.stringify(errorResponse(SOMETHING_WENT_WRONG));
  }
  if (!response || typeof response !== "object" || !("detail" in response)) return text;
  console.error("The calculator failed:", response.detail);
  delete response.detail;
  return JSON.stringify(response);
}

/**
 * What to tell the reader when the boot failed. Offline with the tools never
 * saved is a state, not a fault: the reader is told what to do, and the
 * console gets a warning, not an error.
 */
function startFailure(cause, reason) {
  if (self.navigator.onLine === false) {
    console.warn("The tools could not start: this computer is offline and they are not saved.",
      cause);
    return OFFLINE_NOT_SAVED;
  }
  console.error("The tools could not start:", cause);
  return reason;
}

function start(early) {
  const files = new BootFiles(new URL("boot-manifest.json", HOME), isOwn);
  files.guard();
  const snapshots = new SnapshotStore(files.manifestSha256, HOME);
  // Say so at once, INIT or not: once Python starts, this thread is busy for
  // seconds, and INIT (or its answer) would wait behind it.
  files.failed.catch((error) => {
    self.postMessage(fatalMessage(null, startFailure(error, FILES_NOT_LOADED)));
    self.close();
  });
  // Looked for now; its bytes are read and checked while Pyodide's own files load.
  const saved = snapshots.find();
  let fromSnapshot = false;
  let keepable = true;  // false once the tools came from an archive the manifest does not list

  async function loadPython(folder) {
    const { loadPyodide } = await import(new URL("pyodide.mjs", folder).href);
    const options = { indexURL: folder.href };
    const snapshot = await saved;
    if (snapshot) {
      try {
        const fromIt = loadPyodide({ ...options, _loadSnapshot: snapshot.bytes });
        const refetched = files.mended.then(() => {
          throw new Error("the wasm had to be fetched again");
        });
        const python = await within(Promise.race([fromIt, refetched]), SNAPSHOT_START_MS,
          "starting Python from its snapshot");
        python.runPython("import tools.core.runtime");  // what the snapshot was made to hold
        fromSnapshot = true;
        return python;
      } catch (error) {
        console.warn("Python could not start from its snapshot; starting it normally:", error);
        await snapshots.discard();
      }
    }
    const normally = () => loadPyodide({ ...options, _makeSnapshot: SnapshotStore.available() });
    // A Pyodide given a bad wasm never settles: once the right one is in, start another.
    return Promise.race([normally(), files.mended.then(normally)]);
  }

  /**
   * Right after the first ready, before any request is handled (so no reader's
   * answers are in it): keep this Python's memory for the next tab. Copying it
   * is synchronous (about 30 MB); storing it is not.
   */
  function keepSnapshot() {
    if (fromSnapshot || !keepable || !SnapshotStore.available()) {
      self.postMessage(snapshotMessage(fromSnapshot ? "used" : "unavailable"));
      return;
    }
    let bytes = null;
    try {
      bytes = pyodide.makeMemorySnapshot();
    } catch (error) {
      console.warn("No Python snapshot could be made:", error);
    }
    const kept = bytes ? snapshots.write(bytes) : Promise.resolve(false);
    kept.then((stored) => self.postMessage(snapshotMessage(stored ? "stored" : "failed")));
  }

  // The worker's own URL names Pyodide's folder (`?pyodide=`, relative to this
  // module), so Python starts loading the moment the worker runs, before the
  // page has finished loading and sent INIT. A failure here is reported when
  // INIT awaits the same promise.
  let python = early ? loadPython(early) : null;
  python?.catch(() => {});

  async function boot({ pyodideUrl, archiveUrl }) {
    const folder = ownUrl(pyodideUrl);
    const archiveAt = ownUrl(archiveUrl);
    if (!folder || !archiveAt) {
      throw new BootFileError("refused: Pyodide and the tools archive must be on this site");
    }
    self.postMessage(progressMessage("Loading Python…"));
    pyodide = await Promise.race([files.failed, python ??= loadPython(folder)]);
    self.postMessage(progressMessage("Loading the guide’s tools…"));
    // The archive is fetched (and checked) while Python starts: see BootFiles.
    const listed = await files.tools.catch(() => null);
    const response = await files.archive(archiveAt);
    if (!response.ok) throw new BootFileError(`${archiveAt} answered HTTP ${response.status}`);
    try {
      pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: TOOLS_DIR });
    } catch (error) {
      throw new BootFileError(`the tools archive could not be unpacked: ${error.message}`);
    }
    // Tools a snapshot holds came from the manifest's archive: forget them for
    // another one (a page of another build), and keep no snapshot of it.
    let forget = "";
    if (listed?.url !== archiveAt.href) {
      keepable = false;
      forget = "for name in [n for n in sys.modules if n.split('.')[0] == 'tools']: del sys.modules[name]\n";
    }
    const at = JSON.stringify(TOOLS_DIR);
    pyodide.runPython(`import sys\n${forget}if ${at} not in sys.path: sys.path.insert(0, ${at})`);
    try {
      handle = pyodide.pyimport("tools.core.runtime").handle;
    } catch (error) {
      // The archive passed its check, so the build made it this way.
      throw new BootFileError(`the tools could not be imported from their archive: ${error.message}`);
    }
  }

  function call({ id, request }) {
    if (!handle) return fatalMessage(id, PYTHON_NOT_STARTED);
    let text;
    try {
      text = handle(request);
    } catch (error) {
      console.error("The calculator failed:", error);
      if (!alive()) {
        // A fatal error (e.g. "Maximum call stack size exceeded"): this
        // Python is gone. The page starts a new worker for the next call.
        setTimeout(() => self.close());
        return fatalMessage(id, SOMETHING_WENT_WRONG);
      }
      return resultMessage(id, JSON.stringify(errorResponse(SOMETHING_WENT_WRONG)));
    }
    return resultMessage(id, forThePage(String(text)));
  }

  self.addEventListener("message", async (event) => {
    const message = event.data || {};
    if (message.type === INIT) {
      try {
        await boot(message);
        self.postMessage(readyMessage(message.id));
        keepSnapshot();
      } catch (error) {
        // A broken file can make Python fail in its own way before the check reports.
        const cause = files.failure ?? error;
        const reason = cause instanceof BootFileError ? FILES_NOT_LOADED : PYTHON_NOT_STARTED;
        self.postMessage(fatalMessage(message.id, startFailure(cause, reason)));
      }
    } else if (message.type === CALL) {
      self.postMessage(call(message));
    }
  });
}

const early = HOME.searchParams.get("pyodide");
const earlyFolder = early === null ? null : ownUrl(early);
if (startedByOurPage() && (early === null || earlyFolder)) {
  start(earlyFolder);
} else {
  console.error("tools-worker.mjs refused to start: only this site's own pages may start it, " +
    "and only with Pyodide from this site.");
  self.close();
}
