import { Badge } from '../../../lib/ui/Page.jsx';

const METHOD_TONES = { GET: 'info', POST: 'ok', PUT: 'warn', PATCH: 'warn', DELETE: 'bad' };

/** An HTTP method as a badge (the text is the method: colour is only a hint). */
export function MethodBadge({ method }) {
  const m = String(method ?? '').toUpperCase();
  return <span className={`badge badge-${METHOD_TONES[m] ?? 'muted'} ct-method`}>{m}</span>;
}

/** The word "breaking" on a red badge: never colour alone. */
export function BreakingBadge() {
  return <Badge tone="bad">breaking</Badge>;
}

export { ConfirmButton } from '../../../lib/ui/ConfirmButton.jsx';
export { RenderGuard, TableWrap } from '../../../lib/ui/RenderGuard.jsx';
