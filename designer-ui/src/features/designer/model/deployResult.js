/**
 * The designer's words for a deploy answer `{deploymentId, created, flows: [{key, version, …}], warnings}`: 201 is a
 * new version, 200 (`created: false`) means the same file was already deployed.
 * @returns {{ created: boolean, key: string|null, version: number|null, message: string }}
 */
export function describeDeployment(answer, processId) {
  const flows = Array.isArray(answer?.flows) ? answer.flows : [];
  const flow = flows.find((f) => f?.key === processId) ?? flows[0] ?? null;
  const key = flow?.key ?? processId ?? null;
  const version = typeof flow?.version === 'number' ? flow.version : null;
  const created = answer?.created !== false;
  const v = version === null ? 'a new version' : `version ${version}`;
  const message = created
    ? `Deployed ${v} of ${key}.`
    : `Unchanged: ${version === null ? 'this file' : `version ${version} of ${key}`} is already deployed with the same content.`;
  return { created, key, version, message };
}
