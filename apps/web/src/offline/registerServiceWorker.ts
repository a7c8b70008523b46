/**
 * The longest the service worker waits for an idle moment. On a first visit
 * it downloads and caches the whole build (some 5 MB), which competes with the
 * page for the CPU and the network while the page is loading its document.
 */
const IDLE_WAIT_MS = 5_000;

/**
 * Installs the service worker of the built app (never in `vite dev`, whose
 * files change all the time). Failure only means the app needs the network
 * to open; the documents are kept on the device either way. It waits for the
 * page's load (which may be over already: the app is imported by the entry)
 * and then for the browser to be idle, i.e. for the page to have shown what
 * it opened.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => {
      console.warn("Karta: the service worker could not be installed", error);
    });
  };
  const whenIdle = () => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(register, { timeout: IDLE_WAIT_MS });
    else setTimeout(register, 0);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
