/**
 * The publish report as the console words it. The gateway answers a dry run with `{ok, findings, unrouted, …}`, a
 * publish with the same report (201 created, 200 unchanged) and a refused publish with a 422 problem whose
 * `findings` the API wrapper turns into a report (outcome `rejected`).
 */
export function describeOutcome(outcome, report) {
  const name = report?.name ?? 'the contract';
  const findings = Array.isArray(report?.findings) ? report.findings.length : 0;
  const unrouted = Array.isArray(report?.unrouted) ? report.unrouted.length : 0;
  const routes = unrouted > 0 ? ` ${plural(unrouted, 'operation')} would answer 501 (no x-flow-id).` : '';
  switch (outcome) {
    case 'checked':
      return { tone: 'ok', badge: 'ready', title: 'Ready to publish', detail: `No findings: ${name} can be published.${routes}` };
    case 'check-failed':
      return { tone: 'bad', badge: 'refused', title: 'Publishing would be refused',
        detail: `${plural(findings, 'finding')} to fix first; nothing was published.` };
    case 'created':
      return { tone: 'ok', badge: 'published', title: `Published ${name} version ${report?.version ?? '?'}`,
        detail: `Its operations are live now.${routes.replace('would answer', 'answer')}` };
    case 'unchanged':
      return { tone: 'info', badge: 'unchanged', title: 'Unchanged',
        detail: `The same document is already version ${report?.version ?? '?'} of ${name}; nothing new was stored.` };
    case 'rejected':
      return { tone: 'bad', badge: 'rejected', title: 'Rejected: nothing was published',
        detail: report?.detail ?? `${plural(findings, 'finding')}.` };
    default:
      return { tone: 'muted', badge: String(outcome), title: String(outcome), detail: '' };
  }
}

/** Where a finding points: its JSON pointer, else its operation, else a trigger location, else the document. */
export function findingLocation(finding) {
  if (!finding || typeof finding !== 'object') return 'document';
  if (typeof finding.pointer === 'string' && finding.pointer) return finding.pointer;
  if (finding.method && finding.path) {
    return `${finding.method} ${finding.path}${finding.operationId ? ` (${finding.operationId})` : ''}`;
  }
  if (typeof finding.operation === 'string' && finding.operation) return finding.operation;
  if (typeof finding.path === 'string' && finding.path) return finding.path;
  return 'document';
}

/** What a finding says: its reason (the gateway's word), else message or detail. */
export function findingText(finding) {
  const text = finding?.reason ?? finding?.message ?? finding?.detail;
  return typeof text === 'string' ? text : JSON.stringify(finding);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
