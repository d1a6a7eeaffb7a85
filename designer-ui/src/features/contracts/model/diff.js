import { formatRateLimit } from './operations.js';

/**
 * Presentation of `GET /admin/contracts/{name}/diff`: `{name, from, to, breaking, added, removed, changed}` becomes
 * sections (removed, changed, added — what breaks clients first) of entries with a label and a breaking flag. A
 * removed operation is always breaking: its callers get 404 from then on.
 */
const SECTIONS = [
  { kind: 'removed', title: 'Removed operations' },
  { kind: 'changed', title: 'Changed operations' },
  { kind: 'added', title: 'Added operations' },
];

export function presentDiff(diff) {
  const added = list(diff?.added).map((op) => entry('added', op, [], false));
  const removed = list(diff?.removed).map((op) => entry('removed', op, [], true));
  const changed = list(diff?.changed).map((c) => {
    const changes = list(c?.changes).map(change);
    return entry('changed', c?.operation ?? {}, sortBreakingFirst(changes), changes.some((x) => x.breaking));
  });
  const byKind = { added: sortEntries(added), removed: sortEntries(removed), changed: sortEntries(changed) };
  const all = [...added, ...removed, ...changed];
  const breakingCount = all.filter((e) => e.breaking).length;
  return {
    name: diff?.name,
    from: diff?.from,
    to: diff?.to,
    breaking: Boolean(diff?.breaking) || breakingCount > 0,
    counts: { added: added.length, removed: removed.length, changed: changed.length, breaking: breakingCount },
    empty: all.length === 0,
    sections: SECTIONS.map((s) => ({ ...s, entries: byKind[s.kind] })).filter((s) => s.entries.length > 0),
  };
}

/** `POST /refunds (requestRefund)`. */
export function operationLabel(op) {
  const base = `${String(op?.method ?? '?').toUpperCase()} ${op?.path ?? '?'}`;
  return op?.operationId ? `${base} (${op.operationId})` : base;
}

/**
 * A value of a change for display: `—` for nothing, text as it is, a role list as `[a, b]`, a rate limit as
 * `100 / 1s per principal`, anything else as compact JSON.
 */
export function describeValue(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return `[${value.join(', ')}]`;
  if (typeof value === 'object' && 'limit' in value && 'window' in value) return formatRateLimit(value);
  return JSON.stringify(value);
}

/**
 * The default pair to compare: the version before the newest → the newest. Null when there are fewer than two.
 * `versions` is the answer of `GET …/versions` (objects with `version`) or plain numbers.
 */
export function defaultRange(versions) {
  const numbers = versionNumbers(versions);
  if (numbers.length < 2) return null;
  return { from: numbers[numbers.length - 2], to: numbers[numbers.length - 1] };
}

/** Version numbers, ascending, without duplicates. */
export function versionNumbers(versions) {
  const numbers = list(versions)
    .map((v) => (typeof v === 'object' && v !== null ? v.version : v))
    .filter((n) => Number.isInteger(n));
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function entry(kind, op, changes, breaking) {
  const method = String(op?.method ?? '').toUpperCase();
  return {
    key: `${kind} ${method} ${op?.path}`,
    kind,
    method,
    path: op?.path ?? '',
    operationId: op?.operationId ?? null,
    label: operationLabel(op),
    breaking,
    changes,
  };
}

function change(c) {
  return {
    field: c?.field ?? '',
    from: describeValue(c?.from),
    to: describeValue(c?.to),
    breaking: Boolean(c?.breaking),
    detail: c?.detail ?? null,
  };
}

function sortBreakingFirst(changes) {
  // stable: within each group the server's order (document order) stays
  return [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
}

function sortEntries(entries) {
  return [...entries].sort((a, b) => Number(b.breaking) - Number(a.breaking)
    || a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function list(value) {
  return Array.isArray(value) ? value : [];
}
