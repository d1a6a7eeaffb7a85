/**
 * What the signed-in user administers. The gateway decides it (`GET /auth/me` answers `scope`): the role `admin`
 * may come from a role grant that the token does not show. Three answers:
 * - `platform-admin`: every tenant, and what all tenants share — flows, contracts, grants in every tenant (`*`);
 * - `tenant-admin`: its own tenant's users, grants, instances, incidents and subscriptions; shared things read-only;
 * - `authenticated`: no admin screens (the task inbox).
 * The console only shapes its screens with it; the gateway checks every call on its own.
 */
export const PLATFORM_ADMIN = 'platform-admin';
export const TENANT_ADMIN = 'tenant-admin';
export const AUTHENTICATED = 'authenticated';

/** The token's guess until the gateway has answered: role admin without a tenant is the platform admin. */
export function scopeFromClaims({ roles, tenant }) {
  if (!(roles ?? []).includes('admin')) return AUTHENTICATED;
  return tenant ? TENANT_ADMIN : PLATFORM_ADMIN;
}

/** The session with its scope and the flags the screens read. An unknown scope counts as none. */
export function withScope(session, scope) {
  if (!session) return session;
  const known = [PLATFORM_ADMIN, TENANT_ADMIN, AUTHENTICATED].includes(scope) ? scope : AUTHENTICATED;
  return { ...session, scope: known, isAdmin: known !== AUTHENTICATED, isPlatformAdmin: known === PLATFORM_ADMIN };
}

/**
 * Why the user may not do a platform-only action, in a short sentence; null when it may (or when the console does
 * not know who it is: the gateway will answer).
 *
 * @param {object|null} session
 * @param {string} action what is refused, as a verb phrase: "deploy flows"
 */
export function platformOnly(session, action) {
  if (!session?.scope || session.isPlatformAdmin) return null;
  const who = session.scope === TENANT_ADMIN && session.tenant ? ` You administer tenant ${session.tenant}.` : '';
  return `Only the platform admin can ${action}: every tenant shares them.${who}`;
}

/** The scope in words, for the header: "platform admin", "admin of bistro". */
export function describeScope(session) {
  if (session?.scope === PLATFORM_ADMIN) return 'platform admin';
  if (session?.scope === TENANT_ADMIN) return `admin of ${session.tenant}`;
  return null;
}
