import "./noEval.ts";
// First in the bundle: the palette, resets and shared controls, which the features' stylesheets build on.
import "./styles/app.css";
import { openEarlySocket } from "./document/earlySocket.ts";
import { startFirstScreen } from "./firstScreen/firstScreen.ts";
import "./firstScreen/firstScreen.css";

/**
 * The entry is kept tiny: it asks for a document's first screen, drawn as
 * soon as it comes (firstScreen.ts), and for a document the device has no copy
 * of (earlySocket.ts), so that the server sends both while the browser loads
 * the app, which is the rest (start.tsx, preloaded by index.html).
 */
startFirstScreen();
openEarlySocket();
void import("./start.tsx");
