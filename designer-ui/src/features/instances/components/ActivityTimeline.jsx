import { Badge, Empty } from '../../../lib/ui/Page.jsx';
import { formatDuration, formatTime } from '../../../lib/ui/format.js';

/** The activity history, oldest first, as the engine recorded it. */
export function ActivityTimeline({ history, ended, startedAt }) {
  if (!history?.length) return <Empty>No activity recorded yet.</Empty>;
  return (
    <div className="fgi-scroll">
      <table className="data fgi-timeline">
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Type</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">Duration</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry, i) => (
            <tr key={`${entry.activityId}-${i}`}>
              <td>
                {entry.name || entry.activityId}
                {entry.name && <div className="muted fgi-id"><code>{entry.activityId}</code></div>}
              </td>
              <td>{entry.type}</td>
              <td><When value={entry.startedAt} day={startedAt} /></td>
              <td><When value={entry.endedAt} day={startedAt} /></td>
              <td>{formatDuration(entry.startedAt, entry.endedAt)}</td>
              <td><EntryStatus entry={entry} ended={ended} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A time to the millisecond (steps of a flow are often milliseconds apart); the date only when it is not the day
 * the instance started. The full date and time are in the tooltip.
 */
function When({ value, day }) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const sameDay = day && new Date(day).toDateString() === date.toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });
  return (
    <time dateTime={value} title={formatTime(value)}>
      {sameDay ? time : `${date.toLocaleDateString(undefined, { dateStyle: 'short' })} ${time}`}
    </time>
  );
}

function EntryStatus({ entry, ended }) {
  if (entry.canceled) return <Badge tone="muted">canceled</Badge>;
  if (entry.endedAt) return <Badge tone="ok">done</Badge>;
  return ended ? <Badge tone="muted">open</Badge> : <Badge tone="info">active</Badge>;
}
