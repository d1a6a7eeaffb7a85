import { Link } from '../../../lib/router/router.jsx';
import { Badge } from '../../../lib/ui/Page.jsx';

/** Candidate groups as small badges. */
export function Groups({ groups }) {
  if (!groups?.length) return <span className="muted">—</span>;
  return (
    <span className="fgt-groups">
      {groups.map((g) => <Badge key={g} tone="info">{g}</Badge>)}
    </span>
  );
}

/** The instance a task belongs to: a link for admins (the instance screens are theirs), the plain id for others. */
export function InstanceRef({ id, isAdmin }) {
  if (!id) return <span className="muted">—</span>;
  const short = id.length > 13 ? `${id.slice(0, 8)}…` : id;
  return isAdmin
    ? <Link to={`/instances/${encodeURIComponent(id)}`} title={id}>{short}</Link>
    : <code title={id}>{short}</code>;
}

/** Who holds the task, from the user's point of view. */
export function Assignee({ assignee, username }) {
  if (!assignee) return <span className="muted">unclaimed</span>;
  return assignee === username ? <Badge tone="ok">you</Badge> : <span>{assignee}</span>;
}
