import type { ServerResponse } from "node:http";

/**
 * The web app's Content-Security-Policy. The built index.html loads one module
 * script and one stylesheet from /assets and has no inline script; styles are
 * allowed inline because AG Grid and Tiptap set `style` attributes and AG Grid
 * injects its theme as <style> elements. `connect-src 'self'` covers the
 * /sync websocket of the same host (CSP 3) and the EventSource of a document's
 * events stream (/api/documents/:id/events). The service worker is /sw.js.
 */
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** An API answer is data, never a page: should one be opened as a document, it may load nothing. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Sets the security headers on every answer, before anything else writes it
 * (sirv's and the API's own headers are merged with these by Node).
 *
 * Referrer-Policy is `same-origin`: no other site learns which page linked to
 * it. An invitation page, /invite/<secret>, sends `no-referrer`: under
 * same-origin its secret would still be copied into the Referer of every asset
 * and API request the page makes, and so into every proxy or CDN log that
 * records Referer; the page needs no Referer, so it sends none.
 */
export function setSecurityHeaders(res: ServerResponse, pathname: string): void {
  res.setHeader("content-security-policy", pathname.startsWith("/api/") ? API_POLICY : APP_POLICY);
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", pathname.startsWith("/invite/") ? "no-referrer" : "same-origin");
}
