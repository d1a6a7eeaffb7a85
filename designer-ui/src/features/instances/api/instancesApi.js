import { apiQuery } from './instanceQuery.js';

/**
 * Calls of the instance screens (admin API). Each takes the client from `useApi()`; failures arrive as ApiError.
 */

const enc = encodeURIComponent;

/** GET /admin/instances → `{ items, page, size, total }`, newest first. */
export async function listInstances(api, filters, options) {
  const answer = await api.get('/admin/instances', { ...options, query: apiQuery(filters) });
  return {
    items: Array.isArray(answer?.items) ? answer.items : [],
    page: answer?.page ?? filters.page,
    size: answer?.size ?? filters.size,
    total: answer?.total ?? 0,
  };
}

/** GET /admin/instances/{id} → the instance with variables, history and incidents (missing lists become empty). */
export async function readInstance(api, id, options) {
  const answer = await api.get(`/admin/instances/${enc(id)}`, options);
  return {
    ...answer,
    activities: answer?.activities ?? [],
    variables: answer?.variables ?? {},
    history: answer?.history ?? [],
    incidents: answer?.incidents ?? [],
  };
}

/** POST /admin/instances/{id}/cancel → the instance summary. Without a reason the gateway records its own. */
export function cancelInstance(api, id, reason) {
  const trimmed = reason?.trim();
  return api.post(`/admin/instances/${enc(id)}/cancel`, trimmed ? { reason: trimmed } : {});
}

/** POST /admin/incidents/{id}/retry (202, no body): the failed job gets another attempt. */
export function retryIncident(api, incidentId) {
  return api.post(`/admin/incidents/${enc(incidentId)}/retry`);
}

/** GET /admin/flows/{key}/xml?version=N → the BPMN XML of exactly the version an instance runs. */
export async function readFlowXml(api, key, version, options) {
  const xml = await api.get(`/admin/flows/${enc(key)}/xml`, {
    ...options,
    query: { version },
    accept: 'application/xml, text/xml;q=0.9, */*;q=0.5',
  });
  if (typeof xml !== 'string' || !xml.trim()) throw new Error(`the gateway sent no BPMN XML for flow '${key}'`);
  return xml;
}

/** GET /admin/flows → `[{ key, name }]`, for the flow filter's suggestions. */
export async function listFlowKeys(api, options) {
  const flows = await api.get('/admin/flows', options);
  return (Array.isArray(flows) ? flows : []).map((f) => ({ key: f.key, name: f.name ?? f.key }));
}
