/**
 * Per operation of every live contract: who may call it and how often. Roles come from the operation's own JSON
 * when the gateway sends them, else from `/admin/policies` (what the authorizer enforces); rate limit and SLA tier
 * from the operation's JSON when sent, else from the published document (`x-rate-limit`, `x-sla-tier`).
 */
export function operationPolicyRows({ contracts = [], policyOperations = [], documents = {} } = {}) {
  const rows = [];
  for (const contract of contracts ?? []) {
    for (const op of contract?.operations ?? []) {
      const policy = (policyOperations ?? []).find((p) => p.contract === contract.name && p.method === op.method
        && p.path === op.path);
      const document = documents?.[contract.name];
      const docOp = document?.paths?.[op.path]?.[String(op.method).toLowerCase()] ?? null;
      rows.push({
        key: `${contract.name} ${op.method} ${op.path}`,
        contract: contract.name,
        method: String(op.method).toUpperCase(),
        path: op.path,
        operationId: op.operationId ?? policy?.operation ?? null,
        routed: op.routed !== false,
        roles: Array.isArray(op.roles) ? [...op.roles].sort() : Array.isArray(policy?.roles) ? [...policy.roles].sort()
          : docOp ? (docOp['x-required-roles'] ?? []).map(String).sort() : null,
        isPublic: Boolean(op.public ?? policy?.public ?? docOp?.['x-public']),
        rateLimit: 'rateLimit' in op ? op.rateLimit : document ? docOp?.['x-rate-limit'] ?? null : undefined,
        slaTier: 'slaTier' in op ? op.slaTier : document ? docOp?.['x-sla-tier'] ?? null : undefined,
      });
    }
  }
  return rows;
}

/** Whether the rate limits and SLA tiers of a contract's operations need its document (the JSON lacks them). */
export function needsDocument(contract) {
  return (contract?.operations ?? []).some((op) => !('rateLimit' in op) || !('slaTier' in op));
}

/** `{limit: 100, window: '1s', key: 'principal'}` → `100 / 1s per principal`; null → the gateway's default. */
export function formatRateLimit(spec) {
  if (spec === undefined) return 'unknown';
  if (spec === null || spec === '') return 'gateway default';
  if (typeof spec !== 'object') return String(spec);
  const window = typeof spec.window === 'number' ? `${spec.window}ms` : spec.window ?? '?';
  return `${spec.limit ?? '?'} / ${window}${spec.key ? ` per ${String(spec.key).toLowerCase()}` : ''}`;
}

/** Roles in words: public, any authenticated caller, unknown, or the list. */
export function describeRoles(row) {
  if (row.isPublic) return 'public (no authentication)';
  if (row.roles === null) return 'unknown';
  return row.roles.length === 0 ? 'any authenticated caller' : row.roles.join(', ');
}
