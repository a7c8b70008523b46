import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { adoptFirstScreen, dropFirstScreen, firstScreenPending, subscribeFirstScreen } from "./firstScreen.ts";

/** Once the document is loaded, the first screen goes after this long even if no grid says it drew its rows. */
const AT_MOST_AFTER_LOAD_MS = 5_000;

/**
 * Where the document page keeps its first screen (firstScreen.ts): over its
 * parts, until the grid has drawn its own first rows (TableGrid drops it), the
 * page goes away, or, as a safeguard, a while after the document loaded.
 */
export function FirstScreenSlot({ docId, loaded }: { readonly docId: string; readonly loaded: boolean }) {
  const pending = useSyncExternalStore(subscribeFirstScreen, firstScreenPending);
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (slot.current) adoptFirstScreen(docId, slot.current);
  }, [docId]);
  useEffect(() => () => dropFirstScreen(), []);
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(dropFirstScreen, AT_MOST_AFTER_LOAD_MS);
    return () => clearTimeout(timer);
  }, [loaded]);
  if (!pending) return null;
  return <div ref={slot} className="k-first-screen-slot" data-testid="first-screen" />;
}
