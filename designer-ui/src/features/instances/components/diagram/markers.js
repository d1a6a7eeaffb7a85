/**
 * What the instance diagram shows, computed from the instance details alone (no bpmn-js here, so it is testable):
 * CSS classes per BPMN element id, and the overlay badges to draw.
 *
 * - `fg-active`: open now — a current activity (a token rests there) or an open history entry (e.g. the
 *   sub-process around it) of an instance that has not ended;
 * - `fg-completed`: finished at least once; `fg-canceled`: an activity instance that was cancelled (interrupted by
 *   a boundary event, or the instance was cancelled);
 * - `fg-incident`: an open incident sits there; `fg-error`: the BPMN error that ended the instance came from there;
 * - `fg-taken`: a sequence flow the instance went along (only when the diagram's flows are given; see takenFlows).
 */
export const MARKERS = {
  active: 'fg-active',
  completed: 'fg-completed',
  canceled: 'fg-canceled',
  incident: 'fg-incident',
  error: 'fg-error',
  taken: 'fg-taken',
};

const ENDED = new Set(['COMPLETED', 'ERROR', 'CANCELLED', 'FAILED']);

/**
 * @param details the JSON of GET /admin/instances/{id}
 * @param flows   the diagram's sequence flows `[{ id, source, target }]` (optional)
 * @returns {{ markers: Object<string, string[]>, overlays: {elementId: string, kind: 'tokens'|'incident',
 *           label: string, title: string}[] }}
 */
export function computeMarkers(details, flows = []) {
  const markers = {};
  const add = (id, cls) => {
    if (!id) return;
    const list = markers[id] ?? (markers[id] = []);
    if (!list.includes(cls)) list.push(cls);
  };
  const history = list(details?.history);
  const activities = list(details?.activities);
  const incidents = list(details?.incidents);
  const running = !ENDED.has(details?.state);

  for (const entry of history) {
    if (entry.canceled) add(entry.activityId, MARKERS.canceled);
    else if (entry.endedAt) add(entry.activityId, MARKERS.completed);
    else if (running) add(entry.activityId, MARKERS.active);
  }

  const overlays = [];
  for (const [id, tokens] of groupBy(activities, (a) => a.id)) {
    add(id, MARKERS.active);
    const name = tokens[0].name || id;
    overlays.push({
      elementId: id,
      kind: 'tokens',
      label: String(tokens.length),
      title: tokens.length === 1 ? `1 token waits at ${name}` : `${tokens.length} tokens wait at ${name}`,
    });
  }

  for (const [id, open] of groupBy(incidents, (i) => i.activityId)) {
    add(id, MARKERS.incident);
    overlays.push({
      elementId: id,
      kind: 'incident',
      label: open.length === 1 ? '!' : String(open.length),
      title: open.map((i) => i.message || i.type || 'incident').join('\n'),
    });
  }

  if (details?.error?.activityId) add(details.error.activityId, MARKERS.error);

  for (const flowId of takenFlows(history, activities, flows)) add(flowId, MARKERS.taken);

  return { markers, overlays };
}

/**
 * The sequence flows the instance went along. The history has activities, not flows, so each flow is inferred:
 * for every activity entry (and every current activity not in the history yet, e.g. waiting before an async
 * continuation), the incoming flow whose source finished last, at or before the entry started, is the one taken.
 * Ties in the millisecond go to the source that occurred later, which is how the engine ran them (a token runs on
 * depth-first until it waits). A target with two flows from the same source is left unmarked: it cannot be told.
 */
export function takenFlows(history, activities = [], flows = []) {
  if (!flows.length) return [];
  const incoming = groupBy(flows.filter((f) => f.id && f.source && f.target), (f) => f.target);
  const entries = list(history).map((e, index) => ({
    id: e.activityId, index, canceled: !!e.canceled, start: time(e.startedAt), end: time(e.endedAt),
  }));
  const open = new Set(entries.filter((e) => e.end === null && !e.canceled).map((e) => e.id));
  for (const a of list(activities)) {
    if (!open.has(a.id)) entries.push({ id: a.id, index: entries.length, canceled: false, start: Infinity, end: null });
  }

  const taken = new Set();
  for (const target of entries) {
    const into = incoming.get(target.id);
    if (!into) continue;
    const bySource = groupBy(into, (f) => f.source);
    let best = null;
    for (const source of entries) {
      if (source.index >= target.index || source.canceled || source.end === null) continue;
      if (!bySource.has(source.id) || source.end > target.start) continue;
      if (!best || source.end > best.end || (source.end === best.end && source.index > best.index)) best = source;
    }
    const candidates = best ? bySource.get(best.id) : [];
    if (candidates.length === 1) taken.add(candidates[0].id);
  }
  return [...taken];
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

function time(value) {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}
