// The Risk of Harm Guide's service worker for one edition (its scope is the
// folder this file is in). Written by mkdocs_plugins/offline at build time:
// PRECACHE below is this publish's list of files, each with its sha256, so a
// publish that changes any file changes these bytes, which is how the browser
// sees an update. Hand-written, no libraries: every URL is relative to this
// file (a copy under /latest/ works as well as /5.0/), every request stays on
// this site's origin, and a page of one publish is never given a file of another.

const PRECACHE = "__ROH_PRECACHE__";

const BASE = new URL("./", self.location.href);
const SCOPE = self.registration.scope;
const REVISION = PRECACHE.revision;
const PAGES_PREFIX = `roh-pages:${SCOPE}:`;
const OWN_PAGES = PAGES_PREFIX + REVISION;
const TOOLS = `roh-tools:${PRECACHE.boot.hash}`;
const SNAPSHOT = `roh-snapshot:${PRECACHE.boot.hash}`;
// Which publish each open page (and each worker it started) was loaded with.
const CLIENTS = `roh-clients:${SCOPE}`;
const CLIENTS_KEY = new URL("clients.json", BASE).href;
const INTEGRITY_HEADER = "X-Roh-Integrity";
const AT_ONCE = 4;

/** The address a file is cached under: no query, no fragment, folders for pages. */
function keyOf(url) {
  const key = new URL(url);
  key.search = "";
  key.hash = "";
  if (key.pathname.endsWith("/index.html")) key.pathname = key.pathname.slice(0, -10);
  return key.href;
}

const files = new Map(PRECACHE.files.map(([path, integrity]) => [new URL(path, BASE).href, integrity]));
const pages = PRECACHE.pages.map(([path, title]) => ({ url: path, title, key: new URL(path, BASE).href }));
const bootFiles = new Map(PRECACHE.boot.files.map(([path, integrity, size]) =>
  [new URL(path, BASE).href, { integrity, size }]));
const OFFLINE_PAGE = new URL(PRECACHE.offline, BASE).href;
// Fetched fresh when online; the last copy when not (the version selector's list).
const FRESH = new Set(PRECACHE.fresh.map((path) => new URL(path, BASE).href));
let firstInstall = false;

// ---- which publish a client belongs to ---------------------------------

const versions = new Map();  // client id → revision
let loaded = null;

function loadVersions() {
  loaded ??= (async () => {
    try {
      const response = await (await caches.open(CLIENTS)).match(CLIENTS_KEY);
      if (response) {
        for (const [id, revision] of Object.entries(await response.json())) {
          if (!versions.has(id)) versions.set(id, revision);
        }
      }
    } catch {
      // No record: every client counts as this publish's.
    }
  })();
  return loaded;
}

async function saveVersions() {
  const body = JSON.stringify(Object.fromEntries(versions));
  await (await caches.open(CLIENTS)).put(CLIENTS_KEY, new Response(body, {
    headers: { "Content-Type": "application/json" },
  }));
}

/** The revision `clientId` was loaded with; a client first seen now is this publish's. */
async function versionOf(clientId, event) {
  await loadVersions();
  if (!clientId) return REVISION;
  if (!versions.has(clientId)) {
    versions.set(clientId, REVISION);
    event.waitUntil(saveVersions());
  }
  return versions.get(clientId);
}

// ---- install: every file of this publish, verified ----------------------

/** Run `task` on every item, at most `limit` at a time; rejects on the first failure. */
async function eachLimited(items, limit, task) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(lanes);
}

/** A response we can keep: not marked redirected, with the sha256 it was checked against. */
async function keepable(response, integrity) {
  const headers = new Headers(response.headers);
  headers.set(INTEGRITY_HEADER, integrity);
  return new Response(await response.blob(), {
    status: response.status, statusText: response.statusText, headers,
  });
}

/** The same file (same sha256) from an earlier publish's cache, so an update downloads less. */
async function earlierCopy(earlier, key, integrity) {
  for (const name of earlier) {
    const response = await caches.match(key, { cacheName: name });
    if (response && response.headers.get(INTEGRITY_HEADER) === integrity) return response;
  }
  return null;
}

async function precache() {
  const cache = await caches.open(OWN_PAGES);
  const have = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...files].filter(([key]) => !have.has(key));
  const earlierCaches = (await caches.keys())
    .filter((name) => name.startsWith(PAGES_PREFIX) && name !== OWN_PAGES);
  await eachLimited(missing, AT_ONCE, async ([key, integrity]) => {
    const earlier = await earlierCopy(earlierCaches, key, integrity);
    if (earlier) {
      await cache.put(key, earlier);
      return;
    }
    // `integrity` makes fetch() reject a file that is not this publish's
    // (an older or newer copy, a broken one): the install fails and the
    // browser tries again later, so a mixed set never becomes active.
    const response = await fetch(key, { cache: "no-cache", integrity, credentials: "same-origin" });
    if (!response.ok) throw new Error(`${key}: HTTP ${response.status}`);
    await cache.put(key, await keepable(response, integrity));
  });
}

/**
 * A first copy of the files fetched fresh (not part of the publish's list, so
 * not checked): the first page asked for them before this worker served it,
 * and without a copy an offline page would fail to load them. Best effort.
 */
async function firstFresh() {
  const cache = await caches.open(OWN_PAGES);
  await Promise.all([...FRESH].map(async (key) => {
    try {
      const response = await fetch(key, { cache: "no-cache", credentials: "same-origin" });
      if (response.ok) await cache.put(key, response);
    } catch {
      // Fetched again, and kept, the next time a page asks for it.
    }
  }));
}

self.addEventListener("install", (event) => {
  // Nothing to mix on a first install (no page is served by a worker yet).
  firstInstall = !self.registration.active;
  event.waitUntil(precache().then(firstFresh).then(() => {
    if (firstInstall) return self.skipWaiting();
    return undefined;
  }));
});

// ---- activate: take over, forget what nobody uses -----------------------

async function tidy() {
  await loadVersions();
  const open = await self.clients.matchAll({ type: "all", includeUncontrolled: true });
  const live = new Set(open.map((client) => client.id));
  let changed = false;
  for (const id of [...versions.keys()]) {
    if (!live.has(id)) {
      versions.delete(id);
      changed = true;
    }
  }
  if (changed) await saveVersions();
  // A new publish installing or waiting owns a cache no client uses yet: leave
  // every cache alone until it has taken over (and tidies for itself).
  if (self.registration.installing || self.registration.waiting) return;
  const used = new Set([REVISION, ...versions.values()].map((revision) => PAGES_PREFIX + revision));
  for (const name of await caches.keys()) {
    const stale = (name.startsWith(PAGES_PREFIX) && !used.has(name)) ||
      (name.startsWith("roh-tools:") && name !== TOOLS) ||
      (name.startsWith("roh-snapshot:") && name !== SNAPSHOT);
    if (stale) await caches.delete(name);
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    if (firstInstall) {
      await self.clients.claim();
      // The pages open now were loaded from the network with this publish.
      await loadVersions();
      for (const client of await self.clients.matchAll({ type: "all" })) {
        if (!versions.has(client.id)) versions.set(client.id, REVISION);
      }
      await saveVersions();
    }
    await tidy();
  })());
});

// ---- fetch ---------------------------------------------------------------

function withMarker(response, marker) {
  const headers = new Headers(response.headers);
  headers.set("X-Roh-Offline", marker);
  headers.delete(INTEGRITY_HEADER);
  return new Response(response.body, { status: 200, statusText: "OK", headers });
}

/** `key` from publish `revision`'s cache (caches.match does not create a missing cache). */
function fromVersion(revision, key) {
  return caches.match(key, { cacheName: PAGES_PREFIX + revision });
}

async function navigate(event, key) {
  await loadVersions();
  if (event.resultingClientId) {
    versions.set(event.resultingClientId, REVISION);
    event.waitUntil(saveVersions().then(tidy));
  }
  const cached = files.has(key) ? await fromVersion(REVISION, key) : undefined;
  if (cached) return withMarker(cached, "cache");
  try {
    return await fetch(event.request);
  } catch (error) {
    const fallback = await fromVersion(REVISION, OFFLINE_PAGE);
    if (fallback) return withMarker(fallback, "fallback");
    throw error;
  }
}

async function subresource(event, key) {
  const revision = await versionOf(event.clientId, event);
  if (event.resultingClientId && !versions.has(event.resultingClientId)) {
    versions.set(event.resultingClientId, revision);  // a worker script: its page's publish
    event.waitUntil(saveVersions());
  }
  const cached = await fromVersion(revision, key);
  if (cached) return withMarker(cached, "cache");
  return fetch(event.request);
}

async function fresh(event, key) {
  const cache = await caches.open(OWN_PAGES);
  try {
    const response = await fetch(event.request, { cache: "no-cache" });
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(key);
    if (copy) return withMarker(copy, "cache");
    throw error;
  }
}

/** A boot file: cache-first from roh-tools, else the network, checked, then kept. */
async function bootFile(event, key) {
  const { integrity } = bootFiles.get(key);
  const reload = event.request.cache === "reload";
  // The boot asks again with cache: "reload" when a copy failed its check.
  if (!reload) {
    const cached = await caches.match(key, { cacheName: TOOLS });
    if (cached) return cached;
  }
  const response = await fetch(key, { integrity, credentials: "same-origin",
    cache: reload ? "reload" : "default" });
  if (response.ok) {
    const copy = response.clone();
    // Kept in the background: the boot compiles the wasm while it streams in.
    event.waitUntil(caches.open(TOOLS).then((cache) => cache.put(key, copy)));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;  // never fetch() another origin
  const key = keyOf(url);
  if (request.mode === "navigate") {
    if (key.startsWith(SCOPE)) event.respondWith(navigate(event, key));
    return;
  }
  if (bootFiles.has(key)) event.respondWith(bootFile(event, key));
  else if (FRESH.has(key)) event.respondWith(fresh(event, key));
  else if (key.startsWith(SCOPE)) event.respondWith(subresource(event, key));
});

// ---- messages from offline-client.mjs ------------------------------------

async function pagesStatus(revision) {
  const name = PAGES_PREFIX + revision;
  const requests = await caches.has(name) ? await (await caches.open(name)).keys() : [];
  const keys = new Set(requests.map((request) => request.url));
  const cached = [...files.keys()].filter((key) => keys.has(key)).length;
  return { cached, total: files.size, keys };
}

async function toolsStatus() {
  // caches.open would make an empty cache: only look in one that exists.
  const requests = await caches.has(TOOLS) ? await (await caches.open(TOOLS)).keys() : [];
  const keys = new Set(requests.map((request) => request.url));
  let bytes = 0;
  let total = 0;
  for (const [key, { size }] of bootFiles) {
    total += size;
    if (keys.has(key)) bytes += size;
  }
  return { cached: bootFiles.size > 0 && [...bootFiles.keys()].every((k) => keys.has(k)), bytes, total };
}

async function cacheTools(port) {
  const cache = await caches.open(TOOLS);
  const entries = [...bootFiles];
  const total = entries.reduce((sum, [, file]) => sum + file.size, 0);
  let done = 0;
  const report = () => port.postMessage({ type: "progress", done, total });
  try {
    await eachLimited(entries, AT_ONCE, async ([key, { integrity, size }]) => {
      if (!(await cache.match(key))) {
        const response = await fetch(key, { integrity, credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        await cache.put(key, await keepable(response, integrity));
      }
      done += size;
      report();
    });
    port.postMessage({ type: "done", ok: true, bytes: total });
  } catch (error) {
    const reason = navigator.onLine === false
      ? "You are offline. Connect to the internet and try again."
      : "The tools could not be downloaded. Try again later.";
    port.postMessage({ type: "done", ok: false, reason, detail: String(error && error.message) });
  }
}

async function answer(event) {
  const { type } = event.data || {};
  const port = event.ports[0];
  if (type === "skip-waiting") {
    await self.skipWaiting();
    port?.postMessage({ ok: true });
    return;
  }
  if (!port) return;
  const revision = event.source ? await versionOf(event.source.id, event) : REVISION;
  if (type === "status") {
    const { cached, total } = await pagesStatus(revision);
    port.postMessage({ pages: { cached, total }, tools: await toolsStatus(), version: REVISION });
    await tidy();  // a page asks on every load: a good moment to forget closed tabs' caches
  } else if (type === "cache-tools") {
    await cacheTools(port);
  } else if (type === "cached-pages") {
    const { keys } = await pagesStatus(revision);
    port.postMessage(pages.filter((page) => keys.has(page.key))
      .map(({ url, title }) => ({ url, title })));
  }
}

self.addEventListener("message", (event) => event.waitUntil(answer(event)));
