/**
 * The contracts admin API (`/admin/contracts`) through the console's client. Every function takes the client from
 * `useApi()` first; failures are the client's ApiError (title, detail, problem).
 */
const base = (name) => `/admin/contracts/${encodeURIComponent(name)}`;

export function listContracts(client, { signal } = {}) {
  return client.get('/admin/contracts', { signal });
}

export function getContract(client, name, { signal } = {}) {
  return client.get(base(name), { signal });
}

export function listVersions(client, name, { signal } = {}) {
  return client.get(`${base(name)}/versions`, { signal });
}

/**
 * A version's document as published. The client parses JSON-looking answers, so a contract published as JSON comes
 * back as an object: it is shown re-indented then (same content, the original whitespace is lost).
 */
export async function getSource(client, name, version, { signal } = {}) {
  const answer = await client.get(`${base(name)}/versions/${encodeURIComponent(version)}/source`,
    { accept: 'text/plain, application/yaml, application/json, */*', signal });
  return typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2);
}

/** `{name, from, to, breaking, added, removed, changed}` between two versions. */
export function getDiff(client, name, from, to, { signal } = {}) {
  return client.get(`${base(name)}/diff`, { query: { from, to }, signal });
}

/**
 * The version's OpenAPI document as an object, local `$ref`s inlined by the gateway (a recursive schema keeps its
 * `$ref`, which the renderer follows).
 */
export function getOpenApi(client, name, version, { signal } = {}) {
  return client.get(`${base(name)}/openapi`, { query: { version }, signal });
}

export function unpublish(client, name) {
  return client.del(base(name));
}

/**
 * Sends a contract document. `dryRun` only checks. The answer is normalised to `{outcome, report}`:
 * `checked` / `check-failed` for a dry run (findings or not), `created` (201) / `unchanged` (200), or `rejected`
 * (the 422 problem turned into a report with its findings; nothing was published). Other failures are thrown.
 */
export async function publishContract(client, text, { name, dryRun = false, fileName } = {}) {
  const query = { name: name?.trim() || undefined, dryRun: dryRun ? 'true' : undefined };
  try {
    const report = await client.postText('/admin/contracts', text, contentTypeFor(text, fileName), { query });
    if (dryRun) return { outcome: report?.ok === false ? 'check-failed' : 'checked', report: report ?? {} };
    return { outcome: report?.created ? 'created' : 'unchanged', report: report ?? {} };
  } catch (error) {
    if (error?.status === 422 && Array.isArray(error.problem?.findings)) {
      return {
        outcome: 'rejected',
        report: { ok: false, created: false, name: error.problem.contract, findings: error.problem.findings,
          unrouted: [], detail: error.detail },
      };
    }
    throw error;
  }
}

/** JSON when the file says so or the text starts with `{`; YAML otherwise. */
export function contentTypeFor(text, fileName) {
  if (fileName && /\.json$/i.test(fileName)) return 'application/json';
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'application/yaml';
  return String(text ?? '').trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}

/** The roles each live operation requires, as the authorizer enforces them (`operations` of `/admin/policies`). */
export async function getRequiredRoles(client, { signal } = {}) {
  const policies = await client.get('/admin/policies', { signal });
  return Array.isArray(policies?.operations) ? policies.operations : [];
}
