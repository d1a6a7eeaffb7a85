/**
 * The instance list's filters: read from the URL query (so a link reproduces the view), written back to it, and
 * turned into the query of GET /admin/instances. Dates in the URL are calendar days (`2026-11-23`, what a date
 * input gives); the API wants instants, so a day becomes its local midnight, and "to" includes the whole day.
 */
export const STATES = ['STARTING', 'RUNNING', 'WAITING', 'INCIDENT', 'COMPLETED', 'ERROR', 'CANCELLED', 'FAILED'];
const ENDED = new Set(['COMPLETED', 'ERROR', 'CANCELLED', 'FAILED']);
const TONES = {
  STARTING: 'info', RUNNING: 'info', WAITING: 'warn', INCIDENT: 'bad',
  COMPLETED: 'ok', ERROR: 'bad', CANCELLED: 'muted', FAILED: 'bad',
};

export const PAGE_SIZES = [20, 50, 100];
export const DEFAULT_SIZE = 50;

/** Whether an instance in this state can still change (the detail screen stops polling once it cannot). */
export function isEnded(state) {
  return ENDED.has(state);
}

/** The badge tone of a state. */
export function stateTone(state) {
  return TONES[state] ?? 'muted';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function day(value) {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // 2026-02-31 rolls over into March: not a day
  return date.getDate() === Number(m[3]) && date.getMonth() === Number(m[2]) - 1 ? date : null;
}

/** `2026-11-23` → the instant of that day's local midnight (ISO-8601); undefined for anything else. */
export function startOfDay(value) {
  return day(value)?.toISOString();
}

/** `2026-11-23` → the last millisecond of that local day (the API's startedBefore is inclusive). */
export function endOfDay(value) {
  const d = day(value);
  return d ? new Date(new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() - 1).toISOString() : undefined;
}

function nonNegativeInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** The URL query (strings) → filters with defaults; unknown states, bad dates and sizes fall back to "none". */
export function filtersFromQuery(query = {}) {
  const size = Number(query.size);
  return {
    flow: (query.flow ?? '').trim(),
    state: STATES.includes(query.state) ? query.state : '',
    businessKey: (query.businessKey ?? '').trim(),
    from: day(query.from) ? query.from : '',
    to: day(query.to) ? query.to : '',
    page: nonNegativeInt(query.page, 0),
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_SIZE,
  };
}

/** Filters → the console path that shows them, leaving defaults out so links stay short. */
export function instancesPath(filters) {
  const params = new URLSearchParams();
  for (const key of ['flow', 'state', 'businessKey', 'from', 'to']) {
    if (filters[key]) params.set(key, filters[key]);
  }
  if (filters.page > 0) params.set('page', String(filters.page));
  if (filters.size && filters.size !== DEFAULT_SIZE) params.set('size', String(filters.size));
  const s = params.toString();
  return s ? `/instances?${s}` : '/instances';
}

/** Filters → the query of GET /admin/instances (empty values are left out by the client). */
export function apiQuery(filters) {
  return {
    flow: filters.flow || undefined,
    state: filters.state || undefined,
    businessKey: filters.businessKey || undefined,
    startedAfter: startOfDay(filters.from),
    startedBefore: endOfDay(filters.to),
    page: filters.page,
    size: filters.size,
  };
}

/** A message when the filters cannot match anything the user meant, e.g. "from" after "to"; otherwise null. */
export function filtersProblem(filters) {
  if (filters.from && filters.to && filters.from > filters.to) return 'The "started from" day is after the "started to" day.';
  return null;
}
