import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads something from the API and keeps it fresh: `load(signal)` runs on mount, whenever `deps` change, on
 * `reload()`, and every `pollMs` while the page is visible. A failed poll keeps the last good data and shows the
 * error; a stale answer (deps changed meanwhile) is dropped.
 */
export function useResource(load, deps, { pollMs } = {}) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async (quiet) => {
    const mine = ++generation.current;
    const controller = new AbortController();
    if (!quiet) setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loadRef.current(controller.signal);
      if (mine === generation.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (error?.name === 'AbortError') return;
      if (mine === generation.current) setState((s) => ({ data: s.data, error, loading: false }));
    }
  }, []);

  useEffect(() => {
    setState({ data: undefined, error: null, loading: true });
    run(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    if (!pollMs) return undefined;
    const timer = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') run(true);
    }, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, run, ...deps]); // eslint-disable-line react-hooks/exhaustive-deps

  return { ...state, reload: () => run(true) };
}
