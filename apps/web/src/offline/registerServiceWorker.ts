/**
 * Installs the service worker of the built app (never in `vite dev`, whose
 * files change all the time). Failure only means the app needs the network
 * to open; the documents are kept on the device either way. It waits for the
 * page's load so as not to compete with it; the app is imported after the
 * entry ran, so the load may be over already.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => {
      console.warn("Karta: the service worker could not be installed", error);
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
