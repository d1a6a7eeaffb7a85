/**
 * Process ids become the flow key (the deploy file is `<id>.bpmn`) and must be valid XML ids: a letter or underscore,
 * then letters, digits, `_`, `-` or `.`. Camunda keeps keys up to 255 characters.
 */
const PROCESS_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function isValidProcessId(id) {
  return typeof id === 'string' && id.length <= 255 && PROCESS_ID.test(id);
}

/** Why an id cannot be used, or null when it can. */
export function processIdProblem(id) {
  if (!id) return 'the process id is required';
  if (id.length > 255) return 'the process id is longer than 255 characters';
  if (!PROCESS_ID.test(id)) {
    return 'use a letter or _ first, then letters, digits, _, - or . (no spaces)';
  }
  return null;
}

/** A fresh id for a new flow, e.g. `approval-k3x9`. */
export function newProcessId(prefix = 'approval', random = Math.random) {
  const suffix = Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${prefix}-${suffix}`;
}
