import { createHash } from "node:crypto";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** Where `npm run dev` forwards the API and the sync socket: the server's default port. */
const SERVER = process.env.KARTA_SERVER ?? "http://localhost:8080";

/** The service worker's entry, built to /sw.js (a worker's scope is its folder: it must sit at the root). */
const SERVICE_WORKER_ENTRY = "src/offline/serviceWorker.ts";
const SERVICE_WORKER_FILE = "sw.js";
/** Files of `public/` the app uses: copied as they are, so not in the bundle the plugin sees. */
const PUBLIC_FILES = ["/favicon.svg"];

/**
 * Writes the list of the build's files and a version into the service worker
 * (`__KARTA_PRECACHE__`, `__KARTA_VERSION__`), as Workbox's precache manifest
 * does: the worker caches exactly this build and drops the previous one.
 */
function precacheManifest(): Plugin {
  return {
    name: "karta-precache-manifest",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name !== SERVICE_WORKER_FILE && !name.endsWith(".map"))
        .map((name) => (name === "index.html" ? "/" : `/${name}`))
        .concat(PUBLIC_FILES)
        .sort();
      const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 16);
      const worker = bundle[SERVICE_WORKER_FILE];
      if (worker?.type !== "chunk") throw new Error(`the build has no ${SERVICE_WORKER_FILE}`);
      if (worker.imports.length > 0) throw new Error(`${SERVICE_WORKER_FILE} must not import other chunks`);
      worker.code = worker.code
        .replaceAll("__KARTA_PRECACHE__", JSON.stringify(files))
        .replaceAll("__KARTA_VERSION__", JSON.stringify(version));
    },
  };
}

/** The app behind the tiny entry (main.tsx imports it dynamically). */
const APP_MODULE = "/src/start.tsx";

/**
 * Lets the browser fetch the app's chunks while the entry runs: the entry
 * only starts a document's socket (earlySocket.ts) and then imports the app,
 * which without these links would be requested only once the entry ran.
 */
function preloadApp(): Plugin {
  return {
    name: "karta-preload-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const app = Object.values(bundle).find(
          (chunk) => chunk.type === "chunk" && chunk.facadeModuleId?.endsWith(APP_MODULE),
        );
        if (app?.type !== "chunk") throw new Error(`the build has no chunk of ${APP_MODULE}`);
        return [app.fileName, ...app.imports].map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), precacheManifest(), preloadApp()],
  resolve: {
    // recharts asks for react-is as a peer; the copy hoisted to the root is prop-types' (16), whose
    // element checks do not know React 19's elements. This app's own (19, like React) is the one.
    dedupe: ["react-is"],
  },
  server: {
    proxy: {
      "/api": SERVER,
      "/sync": { target: SERVER.replace(/^http/, "ws"), ws: true },
    },
  },
  build: {
    // AG Grid community alone is about 1.3 MB minified; one chunk is loaded once and cached.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { index: "index.html", sw: SERVICE_WORKER_ENTRY },
      output: {
        entryFileNames: (chunk) => (chunk.name === "sw" ? SERVICE_WORKER_FILE : "assets/[name]-[hash].js"),
      },
    },
  },
});
