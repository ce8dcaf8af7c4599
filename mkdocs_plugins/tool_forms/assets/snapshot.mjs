// A Pyodide memory snapshot of the tools' Python, made in this browser after a
// normal boot and kept on this device, so that a later tab starts Python from
// it instead of running the interpreter's start-up again (CPU-bound: most of a
// boot). It is never downloaded: a first visit costs what it always did.
//
// Kept in Cache Storage as `roh-snapshot:<first 16 hex of the boot manifest's
// sha256>` (contracts C3), so a new build (new Pyodide, new tools archive)
// never meets an old snapshot; the entry records its size and sha256, and
// find() gives the bytes only when both match. Pyodide refuses a snapshot of
// another Pyodide build itself. Every failure here means "boot normally":
// nothing in this module throws.
//
// Pyodide's snapshot API is private (loadPyodide's _makeSnapshot and
// _loadSnapshot, pyodide.makeMemorySnapshot(), in 314.0.x): the worker falls
// back to a normal boot whenever it fails.

const PREFIX = "roh-snapshot:";
/** Bump when what the worker puts in a snapshot changes (the manifest would not). */
const FORMAT = "v2";
const SIZE = "x-roh-snapshot-size";
const SHA256 = "x-roh-snapshot-sha256";

export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export class SnapshotStore {
  /**
   * @param {Promise<string>} manifestSha256 hex sha256 of the boot manifest's bytes
   * @param {URL} home a URL on this site to key the entry by (never fetched)
   */
  constructor(manifestSha256, home) {
    this.name = manifestSha256.then((hex) => PREFIX + hex.slice(0, 16));
    this.key = new URL(`roh-snapshot-${FORMAT}.bin`, home).href;
  }

  /** Whether this browser lets the worker keep one (no Cache Storage in some private modes). */
  static available() {
    return typeof caches === "object" && caches !== null && typeof crypto?.subtle === "object";
  }

  /**
   * Quick (no bytes read): null when no snapshot is kept, else `{bytes}`, a
   * promise of its bytes that rejects, and deletes it, unless its size and
   * sha256 are as recorded. Pyodide can fetch its own files meanwhile.
   */
  async find() {
    if (!SnapshotStore.available()) return null;
    try {
      const response = await (await caches.open(await this.name)).match(this.key);
      if (!response) return null;
      const bytes = this.checked(response);
      bytes.catch(() => this.discard());
      return { bytes };
    } catch (error) {
      console.warn("The stored Python snapshot could not be read:", error);
      return null;
    }
  }

  async checked(response) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (String(bytes.length) !== response.headers.get(SIZE) ||
        await sha256Hex(bytes) !== response.headers.get(SHA256)) {
      throw new Error("the stored Python snapshot is not the one that was kept");
    }
    return bytes;
  }

  /** Keep `bytes` (with its size and sha256) and drop snapshots of other builds. True when kept. */
  async write(bytes) {
    if (!SnapshotStore.available()) return false;
    try {
      const name = await this.name;
      const headers = { [SIZE]: String(bytes.length), [SHA256]: await sha256Hex(bytes),
                        "content-type": "application/octet-stream" };
      await (await caches.open(name)).put(this.key, new Response(bytes, { headers }));
      for (const other of await caches.keys()) {
        if (other.startsWith(PREFIX) && other !== name) await caches.delete(other);
      }
      return true;
    } catch (error) {  // quota, private mode: the next tab boots normally
      console.warn("The Python snapshot could not be kept:", error);
      return false;
    }
  }

  async discard() {
    try {
      await caches.delete(await this.name);
    } catch {
      // nothing kept, nothing to delete
    }
  }
}
