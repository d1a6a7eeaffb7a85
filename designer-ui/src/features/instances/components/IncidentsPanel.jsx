import { useState } from 'react';
import { Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatTime } from '../../../lib/ui/format.js';

/** Open incidents with their error message; Retry gives the failed job another attempt. */
export function IncidentsPanel({ incidents, activityName, onRetry }) {
  const [busy, setBusy] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  if (!incidents?.length) return null;

  async function retry(incident) {
    setBusy(incident.id);
    setError(null);
    setNotice(null);
    try {
      await onRetry(incident);
      setNotice(`Retrying ${activityName(incident.activityId)}…`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Panel title={`Incidents (${incidents.length})`}>
      <ProblemMessage error={error} onDismiss={() => setError(null)} />
      {notice && <p className="notice" role="status">{notice}</p>}
      <table className="data fgi-incidents">
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Type</th>
            <th scope="col">Message</th>
            <th scope="col">Since</th>
            <th scope="col"><span className="fgi-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id}>
              <td>{activityName(incident.activityId)}</td>
              <td>{incident.type}</td>
              <td className="fgi-message">{incident.message || <span className="muted">no message</span>}</td>
              <td>{formatTime(incident.createdAt)}</td>
              <td>
                <button type="button" onClick={() => retry(incident)} disabled={busy !== null}
                        aria-label={`Retry ${activityName(incident.activityId)}`}>
                  {busy === incident.id ? 'Retrying…' : 'Retry'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
