import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where `npm run dev` forwards the API and the sync socket: the server's default port. */
const SERVER = process.env.KARTA_SERVER ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": SERVER,
      "/sync": { target: SERVER.replace(/^http/, "ws"), ws: true },
    },
  },
  build: {
    // AG Grid community alone is about 1.3 MB minified; one chunk is loaded once and cached.
    chunkSizeWarningLimit: 2500,
  },
});
