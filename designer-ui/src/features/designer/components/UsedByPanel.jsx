import { Link } from '../../../lib/router/router.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { usedByLabels } from '../model/flowsList.js';

/** The contract operations that start or drive this flow (GET /admin/flows/{key}), and its versions. */
export function UsedByPanel({ isNew, detail, processId }) {
  const flow = detail.data;
  const labels = usedByLabels(flow?.usedBy);
  const latest = Array.isArray(flow?.versions)
    ? flow.versions.reduce((best, v) => (!best || v.version > best.version ? v : best), null)
    : null;
  return (
    <section className="fg-section fg-usedby" aria-labelledby="fg-usedby-title">
      <h2 id="fg-usedby-title">Used by</h2>
      {isNew && (
        <p className="muted fg-note">
          A new flow: no contract operation uses it yet. Point one at it with <code>x-flow-id: {processId || '…'}</code>.
        </p>
      )}
      {!isNew && detail.loading && !flow && <p className="loading fg-note">Loading…</p>}
      {/* a flow that does not exist is already said on the canvas */}
      {!isNew && detail.error && detail.error.status !== 404 && <ProblemMessage error={detail.error} />}
      {!isNew && flow && (
        <>
          {labels.length === 0 ? (
            <p className="muted fg-note">No contract operation uses this flow.</p>
          ) : (
            <ul className="fg-usedby-list">
              {flow.usedBy.map((u, i) => (
                <li key={i}>
                  <Link to={`/contracts/${encodeURIComponent(u.contract)}`}>{u.contract}</Link>{' '}
                  <span>{u.operation}</span>
                </li>
              ))}
            </ul>
          )}
          {latest && (
            <p className="muted fg-note">
              Latest: v{latest.version} of {flow.versions.length}, {formatTime(latest.deployedAt)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
