import { useCallback, useEffect, useState } from "react";
import { failureMessage } from "./http.ts";

export type ResourceState<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly data: T }
  | { readonly status: "error"; readonly message: string };

/**
 * Something read from the API for as long as a page shows it: loading, the
 * data, or a Russian sentence; `reload` asks again, `replace` puts a newer
 * copy in place (the answer to a change the page has just made).
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): {
  state: ResourceState<T>;
  reload: () => void;
  replace: (update: (data: T) => T) => void;
} {
  const [state, setState] = useState<ResourceState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    void attempt;
    const abort = new AbortController();
    setState((current) => (current.status === "ready" ? current : { status: "loading" }));
    load(abort.signal)
      .then((data) => setState({ status: "ready", data }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ status: "error", message: failureMessage(error) });
      });
    return () => abort.abort();
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback(
    (update: (data: T) => T) =>
      setState((current) => (current.status === "ready" ? { status: "ready", data: update(current.data) } : current)),
    [],
  );
  return { state, reload, replace };
}
