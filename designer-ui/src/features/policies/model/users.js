/**
 * Bodies of `/admin/users`. Create: `{username, password, roles, tenant}` with tenant left out for a platform-wide
 * user. Change: `{roles, tenant}` (tenant `null` = platform-wide) and `password` only when a new one was typed —
 * the gateway refuses unknown fields, so nothing else is ever sent.
 */
export function createBody({ username, password, roles, tenant }) {
  const body = { username: String(username ?? '').trim(), password: String(password ?? ''), roles: [...(roles ?? [])] };
  const t = String(tenant ?? '').trim();
  if (t) body.tenant = t;
  return body;
}

export function changeBody({ roles, tenant, password }) {
  const body = { roles: [...(roles ?? [])], tenant: String(tenant ?? '').trim() || null };
  if (password) body.password = String(password);
  return body;
}

/** A user's tenant in words. */
export function describeTenant(tenant) {
  return tenant ? tenant : 'platform-wide';
}

/**
 * The body that disables (true) or enables (false) a user: `disabled` alone, so roles, tenant and password stay as
 * they are.
 */
export function disabledBody(disabled) {
  return { disabled: disabled === true };
}

/** Whether the gateway says the user is disabled (cannot sign in, its tokens refused). */
export function isDisabled(user) {
  return user?.disabled === true;
}
