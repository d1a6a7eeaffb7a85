/** The roles a user task can be given as candidate group, from GET /admin/roles (`{"roles": [...]}`). */
export function rolesFromAnswer(answer) {
  const list = Array.isArray(answer) ? answer : answer?.roles;
  if (!Array.isArray(list)) return [];
  return list.map((r) => (typeof r === 'string' ? r : r?.name ?? r?.role ?? r?.id)).filter(isRole);
}

export function uniqueRoles(roles) {
  return [...new Set(roles.filter(isRole).map((r) => r.trim()))].sort((a, b) => a.localeCompare(b));
}

function isRole(value) {
  return typeof value === 'string' && value.trim() !== '';
}
