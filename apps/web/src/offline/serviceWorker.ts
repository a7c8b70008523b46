/**
 * Karta's service worker: keeps the built app (index.html and every file of
 * the build) on the device, so that the app opens without a network, as the
 * documents themselves already do (y-indexeddb). It never touches the API or
 * the sync socket: what the server says is never answered from a cache.
 *
 * The list of files and the version are written in at build time by the
 * `precacheManifest` plugin of vite.config.ts; a new build is a new version,
 * whose cache replaces the old one when it activates.
 *
 * Hand-written rather than Workbox: two caching rules are all it needs, and
 * it stays readable. Typed with the few worker types it uses, because this
 * project's TypeScript lib is the DOM's.
 */
import { shellRoute } from "./shellRoute.ts";

declare const __KARTA_PRECACHE__: readonly string[];
declare const __KARTA_VERSION__: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE_PREFIX = "karta-app-";
const CACHE = `${CACHE_PREFIX}${__KARTA_VERSION__}`;
/** Every page of the app is the same index.html (the server's SPA fallback). */
const APP_PAGE = "/";

worker.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...__KARTA_PRECACHE__]))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const route = shellRoute(new URL(request.url), worker.location.origin, request.method, request.mode);
  if (route === "page") event.respondWith(page(request));
  else if (route === "asset") event.respondWith(asset(request));
});

/** The network's page when there is one (a new build shows at once), the cached app otherwise. */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(APP_PAGE, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}

/** Build files have content hashes in their names: a cached one is the right one. */
async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}
