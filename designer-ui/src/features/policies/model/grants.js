/**
 * The role grants editor's data: rows the user edits, turned into the exact body `PUT /admin/policies` takes —
 * `{grants: [{subject, role, domain}]}` (subject a user or `role:<name>`, domain a tenant or `*`). The gateway checks
 * every grant and answers `invalid-grants` with an `errors` list; here only what is plainly missing is flagged.
 */
let counter = 0;

/** A grant as an editable row with a stable key. */
export function toRow(grant) {
  counter += 1;
  return { key: `g${counter}`, subject: grant?.subject ?? '', role: grant?.role ?? '', domain: grant?.domain ?? '*' };
}

/** The body for `PUT /admin/policies`: trimmed values, nothing else. */
export function grantsBody(rows) {
  return { grants: (rows ?? []).map((r) => ({ subject: trim(r.subject), role: trim(r.role), domain: trim(r.domain) })) };
}

/** Whether the rows differ from the stored grants (order counts: it is how they are stored and shown). */
export function grantsChanged(rows, stored) {
  const a = grantsBody(rows).grants;
  const b = (stored ?? []).map((g) => ({ subject: g.subject, role: g.role, domain: g.domain }));
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** The fields of a row left empty (`['subject', 'role']`), for a hint before the gateway is asked. */
export function missingFields(row) {
  return ['subject', 'role', 'domain'].filter((f) => trim(row?.[f]) === '');
}

function trim(value) {
  return String(value ?? '').trim();
}
