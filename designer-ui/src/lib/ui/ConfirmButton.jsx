import { useEffect, useRef, useState } from 'react';

/**
 * A destructive action asked twice: the first press shows what will happen and a confirm button; focus moves to
 * "Cancel" so a second Enter does not confirm by accident. (window.confirm is silently dismissed by headless
 * browsers and cannot be styled or reached the same way by keyboard.) While `onConfirm` runs both buttons are
 * disabled and the confirm button says `busyLabel` (default: `confirmLabel`). `danger={false}` for an action that
 * is asked twice but destroys nothing (e.g. enabling a user again).
 */
export function ConfirmButton({ label, confirmLabel, busyLabel, question, onConfirm, disabled, danger = true }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={danger ? 'danger' : undefined} disabled={disabled}
              onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={confirm}>
        {busy && busyLabel ? busyLabel : confirmLabel}
      </button>
      <button type="button" ref={cancelRef} disabled={busy} onClick={() => setAsking(false)}>Cancel</button>
    </span>
  );
}
