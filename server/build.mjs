// Bundles the server and the workspace packages it imports into one ESM file.
// Native and optional modules stay external and load from node_modules, and so do
// the export writers' libraries (pdfkit reads its own data files next to itself).
import { build } from "esbuild";

await build({
  // The server, the administrator's command (npm run admin), the thread that writes exports and
  // the one that checkpoints SQLite's WAL.
  entryPoints: {
    main: "src/main.ts",
    admin: "src/admin/cli.ts",
    exportWorker: "src/export/exportWorker.ts",
    walCheckpointWorker: "src/storage/walCheckpointWorker.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // pg stays external too: it loads its optional native binding (pg-native) by require() when asked.
  external: [
    "better-sqlite3",
    "bufferutil",
    "utf-8-validate",
    "pino",
    "sirv",
    "exceljs",
    "docx",
    "pdfmake",
    "pg",
    "pg-native",
  ],
  banner: {
    // Bundled CommonJS dependencies (ws) call require(); give them one.
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
