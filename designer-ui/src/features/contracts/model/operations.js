/**
 * The operations table of one contract. The binding (flow, action, mode, routed) comes from the contract's JSON;
 * the required roles from `GET /admin/policies` (what the authorizer enforces); the rate limit and SLA tier from the
 * operation's own JSON when the gateway sends them, else from the published document's `x-rate-limit` /
 * `x-sla-tier`. Every source is optional: a missing one leaves its column unknown, never the whole table.
 */
export function operationRows(detail, { policyOperations, document } = {}) {
  const operations = Array.isArray(detail?.operations) ? detail.operations : [];
  return operations.map((op) => {
    const docOp = documentOperation(document, op.method, op.path);
    const policy = findPolicy(policyOperations, detail?.name, op.method, op.path);
    return {
      key: `${op.method} ${op.path}`,
      method: String(op.method ?? '').toUpperCase(),
      path: op.path,
      operationId: op.operationId ?? null,
      summary: op.summary ?? docOp?.summary ?? null,
      routed: op.routed !== false && Boolean(op.flow),
      flow: op.flow ?? null,
      roles: rolesOf(op, policy, docOp),
      isPublic: Boolean(op.public ?? policy?.public ?? docOp?.['x-public']),
      rateLimit: 'rateLimit' in op ? op.rateLimit : docOp ? docOp['x-rate-limit'] ?? null : undefined,
      slaTier: 'slaTier' in op ? op.slaTier : docOp ? docOp['x-sla-tier'] ?? null : undefined,
    };
  });
}

/** The operation object of a parsed OpenAPI document, or null. */
export function documentOperation(document, method, path) {
  const item = document?.paths?.[path];
  if (!item || typeof item !== 'object' || !method) return null;
  const op = item[String(method).toLowerCase()];
  return op && typeof op === 'object' ? op : null;
}

/**
 * `{limit: 100, window: '1s', key: 'principal'}` → `100 / 1s per principal`. `null` is the gateway's default limit;
 * `undefined` means unknown (the source could not be read).
 */
export function formatRateLimit(spec) {
  if (spec === undefined) return 'unknown';
  if (spec === null || spec === '') return 'gateway default';
  if (typeof spec !== 'object') return String(spec);
  const window = typeof spec.window === 'number' ? `${spec.window}ms` : spec.window ?? '?';
  const key = spec.key ? ` per ${String(spec.key).toLowerCase()}` : '';
  return `${spec.limit ?? '?'} / ${window}${key}`;
}

/** Roles as a sentence for a table cell: public, any authenticated caller, or the list. */
export function describeRoles(row) {
  if (row.isPublic) return 'public (no authentication)';
  if (row.roles === null) return 'unknown';
  if (row.roles.length === 0) return 'any authenticated caller';
  return row.roles.join(', ');
}

function rolesOf(op, policy, docOp) {
  if (Array.isArray(op.roles)) return [...op.roles].sort();
  if (policy && Array.isArray(policy.roles)) return [...policy.roles].sort();
  if (docOp) return Array.isArray(docOp['x-required-roles']) ? docOp['x-required-roles'].map(String).sort() : [];
  return null;
}

function findPolicy(policyOperations, contract, method, path) {
  if (!Array.isArray(policyOperations)) return null;
  return policyOperations.find((p) => p.contract === contract && p.method === method && p.path === path) ?? null;
}

/** The gateway's `"20000ms"` as `20 s`; `"500ms"` stays `500 ms`; anything else as it came. */
export function formatTimeout(value) {
  const match = /^(\d+)ms$/.exec(String(value ?? ''));
  if (!match) return value ?? '';
  const ms = Number(match[1]);
  if (ms < 1000 || ms % 1000 !== 0) return `${ms} ms`;
  return ms % 60000 === 0 ? `${ms / 60000} min` : `${ms / 1000} s`;
}
