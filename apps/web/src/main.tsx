import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { checkSession } from "./session/sessionStore.ts";
import "./styles/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
void checkSession();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
