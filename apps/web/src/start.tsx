import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { registerServiceWorker } from "./offline/registerServiceWorker.ts";
import { checkSession } from "./session/sessionStore.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
void checkSession();
registerServiceWorker();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
