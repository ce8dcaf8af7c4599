// Checks every file a boot fetches against the manifest the build wrote
// (boot-manifest.json beside this module; mkdocs_plugins/tool_forms/boot_manifest.py),
// so that a missing, truncated or corrupt file is reported the moment it has
// arrived: loadPyodide() only warns, and never settles, when the wasm cannot be
// instantiated. Pyodide fetches through the worker's global fetch, so the check
// wraps it. Each file is still downloaded once. The browser checks the small
// files' sha256 through fetch's `integrity` before anyone sees a byte; the
// wasm is checked as it streams into WebAssembly's compiler (streamed()),
// because `integrity` holds the whole body back and compiling would only start
// once it had all arrived. (Pyodide's two modules are loaded by import(), which
// takes no integrity; a missing or broken module makes import() reject at
// once, so it needs no watching.)

import { sha256Hex } from "./snapshot.mjs";

/** A boot file is missing, truncated or not the one this build made. */
export class BootFileError extends Error {}

export class BootFiles {
  /**
   * @param {URL} manifestUrl where the build wrote boot-manifest.json
   * @param {(url: URL) => boolean} isOwn whether a URL is on the site's own origin
   */
  constructor(manifestUrl, isOwn) {
    this.network = self.fetch.bind(self);
    this.isOwn = isOwn;
    this.failure = null;  // the first failed check, once there is one
    this.failed = new Promise((_, reject) => {
      this.fail = (error) => {
        this.failure ??= error;
        reject(error);
      };
    });
    this.failed.catch(() => {});  // boot() races it; nobody else waits for it
    // Resolves when a streamed file failed its check but the server then gave
    // the right one (a bad copy was in the HTTP cache): Pyodide must start again.
    this.mended = new Promise((resolve) => {
      this.mend = resolve;
    });
    this.refetched = false;
    // The manifest changes with every build while its URL does not: revalidate it.
    const manifestBytes = this.network(manifestUrl, { cache: "no-cache" }).then(async (response) => {
      if (!response.ok) throw new Error(`${manifestUrl} answered HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    this.manifest = manifestBytes.then((bytes) => {
      const { files } = JSON.parse(new TextDecoder().decode(bytes));
      return new Map(files.map((file) => [new URL(file.path, manifestUrl).href, file]));
    });
    /** Names this build's boot files as a whole (the snapshot's cache is keyed by it). */
    this.manifestSha256 = manifestBytes.then(sha256Hex);
    this.manifestSha256.catch(() => {});
    this.manifest.catch((error) => this.fail(new BootFileError(
      `the list of the tool’s files could not be read (${error.message})`)));
    // The tools archive is fetched (and checked) now, while Pyodide loads: once
    // Python starts, this thread is busy for seconds and a failure would wait.
    this.tools = this.manifest.then((files) => {
      const [url] = [...files].find(([, file]) => file.role === "tools") || [];
      return url ? { url, response: this.check(url) } : null;
    });
    this.tools.then((early) => early?.response.catch(() => {}), () => {});
  }

  /**
   * Let every fetch in this worker, Pyodide's included, go through check().
   * Pyodide is not told of a failed check (its fetch never settles): it would
   * only warn, or fail in its own words, while the boot reports ours.
   */
  guard() {
    self.fetch = (input, init) => this.check(input, init).catch((error) => {
      if (error instanceof BootFileError) return new Promise(() => {});
      throw error;
    });
  }

  /** The response for the tools archive at `url` (the one fetched early when it is that one). */
  async archive(url) {
    const early = await this.tools.catch(() => null);
    return early && early.url === url.href ? early.response : this.check(url);
  }

  /**
   * fetch(), except that other origins are refused without a request, and a
   * file the manifest lists must have its listed sha256 (else the boot fails).
   */
  async check(input, init = {}) {
    const url = new URL(input instanceof Request ? input.url : String(input), import.meta.url);
    if (!this.isOwn(url)) throw new TypeError(`${url.origin} is not this site: not fetched`);
    let files;
    try {
      files = await this.manifest;
    } catch {
      throw this.failure ?? new BootFileError("the list of the tool’s files could not be read");
    }
    const file = files.get(url.href);
    if (!file) return this.network(input, init);
    if (file.path.endsWith(".wasm")) {
      const streaming = await this.streamed(input, init, file);
      if (streaming) return streaming;  // else it is missing: the integrity check says so
    }
    try {
      return await this.network(input, { ...init, integrity: file.integrity });
    } catch {
      // Perhaps a bad copy in the HTTP cache, kept after the site was mended:
      // ask the server itself once more before giving up.
    }
    try {
      return await this.network(input, { ...init, integrity: file.integrity, cache: "reload" });
    } catch (error) {
      throw this.failedFile(file, error.message);
    }
  }

  failedFile(file, why) {
    const failure = new BootFileError(`${file.path} is missing, truncated or not the file ` +
      `this build made (${file.size} bytes, ${file.integrity}): ${why}`);
    this.fail(failure);
    return failure;
  }

  /**
   * The response for `file` with a body that passes its bytes on as they
   * arrive and ends only once their size and sha256 have matched the
   * manifest's. WebAssembly cannot finish compiling a module before its
   * stream has ended, so no byte of a wrong wasm ever runs: the stream fails
   * instead. Null when there is nothing to stream (an error status).
   */
  async streamed(input, init, file) {
    let response;
    try {
      response = await this.network(input, init);
    } catch {
      return null;
    }
    if (!response.ok || !response.body) return null;
    const chunks = [];
    let size = 0;
    const checking = new TransformStream({
      transform(chunk, controller) {
        chunks.push(chunk);
        size += chunk.byteLength;
        controller.enqueue(chunk);
      },
      flush: async () => {
        const whole = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks.splice(0)) {
          whole.set(chunk, at);
          at += chunk.byteLength;
        }
        if (size === file.size && await sha256Hex(whole) === file.sha256) return;
        const why = `${size} bytes arrived, not the ones listed`;
        // Perhaps a bad copy in the HTTP cache, kept after the site was mended:
        // ask the server itself once (this puts its copy in the cache).
        let mended = false;
        if (!this.refetched) {
          this.refetched = true;
          try {
            await this.network(input, { ...init, integrity: file.integrity, cache: "reload" });
            mended = true;
          } catch {
            // the server's copy is wrong too
          }
        }
        if (!mended) throw this.failedFile(file, why);
        this.mend();
        throw new Error(`${file.path}: ${why}; the server's copy is right: starting again`);
      },
    });
    return new Response(response.body.pipeThrough(checking), {
      status: response.status, statusText: response.statusText, headers: response.headers,
    });
  }
}
