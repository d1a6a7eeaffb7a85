/**
 * The state of a contract as the console shows it, from the JSON of `GET /admin/contracts` (a summary) or
 * `GET /admin/contracts/{name}` (with operations and findings). The gateway says `status: live` or `degraded`
 * (degraded = it has current findings: a flow it names was undeployed, a forced start-up…); the console calls a
 * degraded contract "invalid", because some of its routes answer 503 until it is fixed.
 */
export function contractStatus(contract) {
  const findings = Array.isArray(contract?.findings) ? contract.findings.length : null;
  const operations = numberOr(contract?.operationCount, contract?.operations?.length ?? 0);
  const unrouted = numberOr(contract?.unroutedCount, countUnrouted(contract?.operations));
  const invalid = (findings ?? 0) > 0 || (contract?.status !== undefined && contract.status !== 'live');

  let label = 'live';
  let title = 'Every operation is published';
  if (invalid) {
    label = 'invalid';
    title = findings ? `${findings} current finding${findings === 1 ? '' : 's'}` : 'The gateway reports findings';
  }
  return {
    state: invalid ? 'invalid' : 'live',
    label,
    tone: invalid ? 'bad' : 'ok',
    title,
    findings,
    operations,
    unrouted,
    routed: Math.max(0, operations - unrouted),
  };
}

/** Counts for the list's header: how many contracts are live, invalid, and how many operations answer 501. */
export function summarize(contracts) {
  const list = Array.isArray(contracts) ? contracts : [];
  const statuses = list.map(contractStatus);
  return {
    total: list.length,
    live: statuses.filter((s) => s.state === 'live').length,
    invalid: statuses.filter((s) => s.state === 'invalid').length,
    unrouted: statuses.reduce((sum, s) => sum + s.unrouted, 0),
  };
}

/** Invalid contracts first (they need attention), then by name. */
export function sortContracts(contracts) {
  return [...(contracts ?? [])].sort((a, b) => {
    const sa = contractStatus(a).state === 'invalid' ? 0 : 1;
    const sb = contractStatus(b).state === 'invalid' ? 0 : 1;
    return sa - sb || String(a.name).localeCompare(String(b.name));
  });
}

function countUnrouted(operations) {
  return Array.isArray(operations) ? operations.filter((op) => op && op.routed === false).length : 0;
}

function numberOr(value, fallback) {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
