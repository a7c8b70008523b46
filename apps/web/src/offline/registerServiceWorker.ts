/**
 * Installs the service worker of the built app (never in `vite dev`, whose
 * files change all the time). Failure only means the app needs the network
 * to open; the documents are kept on the device either way.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => {
      console.warn("Karta: the service worker could not be installed", error);
    });
  });
}
