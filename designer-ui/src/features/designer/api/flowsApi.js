import { findingsFromError, normalizeFindings, SEVERITY } from '../model/findings.js';
import { rolesFromAnswer, uniqueRoles } from '../model/roles.js';

/**
 * The flows admin API (`/admin/flows`, `/admin/connectors`, roles) through the console's client. Every function
 * takes the client from `useApi()` first; failures are the client's ApiError (title, detail, problem).
 */
const flowPath = (key) => `/admin/flows/${encodeURIComponent(key)}`;
const XML = 'application/xml';

/** `[{key, name, latestVersion, versions, usedBy}]`. */
export function listFlows(client, { signal } = {}) {
  return client.get('/admin/flows', { signal });
}

/** `{key, name, latestVersion, versions: [FlowSummary newest first], usedBy: [{contract, operation}]}`. */
export function getFlow(client, key, { signal } = {}) {
  return client.get(flowPath(key), { signal });
}

/** The BPMN XML of the latest version, or of `version`. */
export async function getFlowXml(client, key, version, { signal } = {}) {
  const answer = await client.get(`${flowPath(key)}/xml`, {
    query: { version },
    accept: 'application/xml, text/xml, */*',
    signal,
  });
  if (typeof answer !== 'string') throw new Error('the gateway did not answer BPMN XML');
  return answer;
}

/** The Camunda 7 element templates of the connectors (JSON array, as Camunda Modeler loads them). */
export async function listTemplates(client, { signal } = {}) {
  const answer = await client.get('/admin/connectors/templates', { signal });
  return Array.isArray(answer) ? answer : [];
}

/**
 * The known roles, sorted (GET /admin/roles). Never fails: a role list is a convenience — an empty list still lets
 * the designer work, and a task's current group is always kept.
 */
export async function listRoles(client, { signal } = {}) {
  try {
    return uniqueRoles(rolesFromAnswer(await client.get('/admin/roles', { signal })));
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    return [];
  }
}

function deployQuery(fileName, dryRun) {
  return { file: fileName, dryRun: dryRun ? 'true' : undefined };
}

/**
 * Runs the deploy checks on the XML without deploying (`?dryRun=true`).
 * @returns {Promise<{ok: boolean, findings: object[], flows: string[]}>} `ok` false with the errors of a 422
 *   `flow-rejected`; warnings of an accepted file come as findings with severity `warning`. Other failures throw.
 */
export async function checkFlow(client, xml, fileName, { signal } = {}) {
  try {
    const answer = await client.postText('/admin/flows', xml, XML, { query: deployQuery(fileName, true), signal });
    return {
      ok: true,
      flows: Array.isArray(answer?.flows) ? answer.flows : [],
      findings: normalizeFindings(answer?.warnings, SEVERITY.warning),
    };
  } catch (error) {
    if (isRejection(error)) return { ok: false, flows: [], findings: findingsFromError(error) };
    throw error;
  }
}

/**
 * Deploys the XML.
 * @returns {Promise<{ok: true, status: 'created'|'unchanged', answer: object, findings: object[]}
 *   | {ok: false, findings: object[], error: object}>} a 422 `flow-rejected` comes back as findings; other failures throw.
 */
export async function deployFlow(client, xml, fileName, { signal } = {}) {
  try {
    const answer = await client.postText('/admin/flows', xml, XML, { query: deployQuery(fileName, false), signal });
    return {
      ok: true,
      status: answer?.created === false ? 'unchanged' : 'created',
      answer,
      findings: normalizeFindings(answer?.warnings, SEVERITY.warning),
    };
  } catch (error) {
    if (isRejection(error)) return { ok: false, findings: findingsFromError(error), error };
    throw error;
  }
}

function isRejection(error) {
  return error?.status === 422 && Array.isArray(error?.problem?.findings);
}
