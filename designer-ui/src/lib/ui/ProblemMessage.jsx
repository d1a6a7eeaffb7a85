/**
 * Shows a failed call as the problem's title and detail (and the offending field), never a blank screen.
 * Accepts an ApiError, any Error, or nothing (renders nothing).
 */
export function ProblemMessage({ error, onDismiss }) {
  if (!error) return null;
  const title = error.title ?? 'Something went wrong';
  const detail = error.detail ?? (error.title ? undefined : error.message);
  return (
    <div className="problem" role="alert">
      <strong className="problem-title">{title}</strong>
      {detail && <span className="problem-detail">{detail}</span>}
      {error.field && (
        <span className="problem-field">
          at <code>{error.field}</code>
        </span>
      )}
      {Array.isArray(error.problem?.findings) && error.problem.findings.length > 0 && (
        <ul className="problem-findings">
          {error.problem.findings.map((f, i) => (
            <li key={i}>
              {f.element || f.elementId || f.operation || f.pointer ? <code>{f.element ?? f.elementId ?? f.operation ?? f.pointer}</code> : null}{' '}
              {f.reason ?? f.message ?? f.detail ?? JSON.stringify(f)}
            </li>
          ))}
        </ul>
      )}
      {Array.isArray(error.problem?.errors) && error.problem.errors.length > 0 && (
        <ul className="problem-findings">
          {error.problem.errors.map((e, i) => (
            <li key={i}>{typeof e === 'string' ? e : e.reason ?? e.message ?? JSON.stringify(e)}</li>
          ))}
        </ul>
      )}
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
