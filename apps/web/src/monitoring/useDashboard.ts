import { useEffect, useState, useSyncExternalStore } from "react";
import { dashboardEventsUrl, fetchDashboard } from "../api/dashboardApi.ts";
import { ServerEventStream } from "../api/serverEventStream.ts";
import { DashboardFeed, type DashboardState } from "./dashboardFeed.ts";

const LOADING: DashboardState = { status: "loading" };
const noFeed = () => () => {};

/**
 * «Мониторинг» of one municipality and year, live (dashboardFeed.ts): the
 * events stream is held while the page is visible, and the dashboard is asked
 * again on `changed`, on focus and, without the stream, every 30 s. `live`:
 * the stream is open (changes arrive at once).
 */
export function useDashboard(
  organisationId: string | null,
  year: number | null,
): { readonly state: DashboardState; readonly live: boolean } {
  const [feed, setFeed] = useState<{ feed: DashboardFeed; stream: ServerEventStream<"changed"> } | null>(null);
  useEffect(() => {
    if (organisationId === null || year === null) return;
    const stream = new ServerEventStream(dashboardEventsUrl(organisationId), ["changed"] as const);
    const created = new DashboardFeed((signal) => fetchDashboard(organisationId, year, signal), stream);
    const follow = () => created.setVisible(document.visibilityState === "visible");
    const onFocus = () => created.focused();
    created.start(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", follow);
    window.addEventListener("focus", onFocus);
    setFeed({ feed: created, stream });
    return () => {
      document.removeEventListener("visibilitychange", follow);
      window.removeEventListener("focus", onFocus);
      created.dispose();
      setFeed(null);
    };
  }, [organisationId, year]);
  const state = useSyncExternalStore(feed?.feed.subscribe ?? noFeed, () => feed?.feed.getState() ?? LOADING);
  const live = useSyncExternalStore(feed?.stream.subscribe ?? noFeed, () => feed?.stream.state === "open");
  return { state, live };
}
