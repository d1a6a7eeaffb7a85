import { useEffect, useRef, useState } from 'react';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { useSubmit } from '../../../lib/ui/useSubmit.js';

/**
 * "Cancel instance…" asks first, inline (a window.confirm would block the page and is dismissed silently by test
 * browsers), with an optional reason the engine records.
 */
export function CancelInstance({ onCancel }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const reasonRef = useRef(null);
  const openRef = useRef(null);

  useEffect(() => {
    if (asking) reasonRef.current?.focus();
  }, [asking]);

  function close() {
    setAsking(false);
    setError(null);
    // back to the button that opened the question, for keyboard users
    setTimeout(() => openRef.current?.focus(), 0);
  }

  function confirm(event) {
    event.preventDefault();
    run(async () => {
      await onCancel(reason);
      setAsking(false);
    });
  }

  return (
    <div className="fgi-cancel">
      <button ref={openRef} type="button" className="danger" aria-expanded={asking}
              onClick={() => (asking ? close() : setAsking(true))}>
        Cancel instance…
      </button>
      {asking && (
        <form className="fgi-confirm" role="group" aria-label="Confirm cancelling the instance" onSubmit={confirm}
              onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
          <p><strong>Cancel this instance?</strong> Its open activities stop; this cannot be undone.</p>
          <label>
            Reason (optional)
            <input ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="cancelled by an operator" />
          </label>
          <ProblemMessage error={error} />
          <div className="toolbar">
            <button type="submit" className="danger" disabled={busy}>{busy ? 'Cancelling…' : 'Yes, cancel instance'}</button>
            <button type="button" onClick={close} disabled={busy}>Keep it running</button>
          </div>
        </form>
      )}
    </div>
  );
}
