import "./noEval.ts";
import { openEarlySocket } from "./document/earlySocket.ts";
import "./styles/app.css";

/**
 * The entry is kept tiny: it asks for a document the device has no copy of
 * at once (earlySocket.ts), so that the server sends it while the browser
 * loads the app, which is the rest (start.tsx, preloaded by index.html).
 */
openEarlySocket();
void import("./start.tsx");
