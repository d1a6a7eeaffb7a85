import { useCallback, useState } from 'react';

/**
 * A form's submit: `busy` while the action runs, its failure kept in `error` for a ProblemMessage (cleared when the
 * next run starts). `onError` runs first, e.g. to clear a password field after a failed attempt.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = useCallback(async (action, onError) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      onError?.(cause);
      setError(cause);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
