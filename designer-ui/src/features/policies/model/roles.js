/**
 * Roles as the policies screen shows them. Flowgate has no role table of its own: a role exists because a user
 * holds it, a grant gives it, or an operation requires it. `GET /admin/roles` lists them when the gateway has it;
 * otherwise (and in addition) they are collected from those three places.
 */
export const ROLE_PREFIX = 'role:';
export const ANY_TENANT = '*';

/** Every role with where it is used: `[{role, declared, users, grants, operations}]`, sorted by name. */
export function collectRoles({ declared, grants = [], fileGrants = [], operations = [], users = [] } = {}) {
  const table = new Map();
  const entry = (role) => {
    if (!table.has(role)) table.set(role, { role, declared: false, users: 0, grants: 0, operations: 0 });
    return table.get(role);
  };
  for (const role of declared ?? []) if (isName(role)) entry(role).declared = true;
  for (const user of users ?? []) for (const role of user.roles ?? []) if (isName(role)) entry(role).users++;
  for (const grant of [...(grants ?? []), ...(fileGrants ?? [])]) {
    if (isName(grant.role)) entry(grant.role).grants++;
    const subject = describeSubject(grant.subject);
    if (subject.kind === 'role' && isName(subject.name)) entry(subject.name);
  }
  for (const op of operations ?? []) for (const role of op.roles ?? []) if (isName(role)) entry(role).operations++;
  return [...table.values()].sort((a, b) => a.role.localeCompare(b.role));
}

/** `role:lead` → a role hierarchy subject; anything else → a user. */
export function describeSubject(subject) {
  const s = String(subject ?? '');
  return s.startsWith(ROLE_PREFIX) ? { kind: 'role', name: s.slice(ROLE_PREFIX.length) } : { kind: 'user', name: s };
}

/** `"ops, finance  ops"` → `['ops', 'finance']`. */
export function parseRoles(text) {
  return [...new Set(String(text ?? '').split(/[\s,]+/).map((r) => r.trim()).filter(Boolean))];
}

/** A user's roles split into the known ones (checkboxes) and the rest (free text). */
export function splitRoles(roles, known) {
  const knownSet = new Set(known);
  return {
    checked: (roles ?? []).filter((r) => knownSet.has(r)),
    other: (roles ?? []).filter((r) => !knownSet.has(r)).join(', '),
  };
}

/** The roles a form holds: the checked ones and those typed, without duplicates, sorted as the gateway sorts them. */
export function mergeRoles(checked, otherText) {
  return [...new Set([...(checked ?? []), ...parseRoles(otherText)])].sort();
}

function isName(value) {
  return typeof value === 'string' && value !== '';
}
