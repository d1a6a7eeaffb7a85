import { Badge } from '../../../lib/ui/Page.jsx';
import { stateTone } from '../api/instanceQuery.js';

/** An instance state as a coloured badge. */
export function StateBadge({ state, ...rest }) {
  return (
    <span className="fgi-state" {...rest}>
      <Badge tone={stateTone(state)}>{state ?? 'UNKNOWN'}</Badge>
    </span>
  );
}
