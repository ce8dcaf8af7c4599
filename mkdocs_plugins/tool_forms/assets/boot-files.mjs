// Checks every file a boot fetches against the manifest the build wrote
// (boot-manifest.json beside this module; mkdocs_plugins/tool_forms/boot_manifest.py),
// so that a missing, truncated or corrupt file is reported the moment it has
// arrived: loadPyodide() only warns, and never settles, when the wasm cannot be
// instantiated. Pyodide fetches through the worker's global fetch, so the check
// wraps it. Each file is still downloaded once: the browser checks its sha256
// through fetch's `integrity` before anyone sees a byte. (Pyodide's two modules
// are loaded by import(), which takes no integrity; a missing or broken module
// makes import() reject at once, so it needs no watching.)

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
    this.failed = new Promise((_, reject) => { this.fail = reject; });
    this.failed.catch(() => {});  // boot() races it; nobody else waits for it
    // The manifest changes with every build while its URL does not: revalidate it.
    this.manifest = this.network(manifestUrl, { cache: "no-cache" }).then(async (response) => {
      if (!response.ok) throw new BootFileError(`${manifestUrl} answered HTTP ${response.status}`);
      const { files } = await response.json();
      return new Map(files.map((file) => [new URL(file.path, manifestUrl).href, file]));
    });
    this.manifest.catch((error) => this.fail(new BootFileError(
      `the list of the tool’s files could not be read (${error.message})`)));
  }

  /** Use check() for every fetch in this worker, Pyodide's included. */
  guard() {
    self.fetch = (input, init) => this.check(input, init);
  }

  /**
   * fetch(), except that other origins are refused without a request, and a
   * file the manifest lists must have its listed sha256 (else the boot fails).
   */
  async check(input, init = {}) {
    const url = new URL(input instanceof Request ? input.url : String(input), import.meta.url);
    if (!this.isOwn(url)) throw new TypeError(`${url.origin} is not this site: not fetched`);
    const file = (await this.manifest).get(url.href);
    if (!file) return this.network(input, init);
    try {
      return await this.network(input, { ...init, integrity: file.integrity });
    } catch (error) {
      const failure = new BootFileError(`${file.path} is missing, truncated or not the file ` +
        `this build made (${file.size} bytes, ${file.integrity}): ${error.message}`);
      this.fail(failure);
      throw failure;
    }
  }
}
