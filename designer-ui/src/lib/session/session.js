/**
 * The signed-in user: the bearer token from POST /auth/token, kept in this tab's sessionStorage (never a cookie),
 * and what the console reads from its claims to shape the navigation. The gateway checks every call on its own;
 * the claims here only decide what to show.
 */
import { scopeFromClaims, withScope } from './scope.js';

const KEY = 'flowgate.session';

/** Reads the claims of a JWT without verifying it (the gateway does that). Null when it is not a JWT. */
export function decodeClaims(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}

/**
 * The user a token stands for: `{ token, username, roles, tenant, expiresAt, scope, isAdmin, isPlatformAdmin }`, or
 * null. The scope is the claims' guess; {@link withScope} puts the gateway's answer in its place.
 */
export function sessionFrom(token, { rolesClaim = 'roles', tenantClaim = 'tenant' } = {}) {
  const claims = decodeClaims(token);
  if (!claims || typeof claims.sub !== 'string') return null;
  const raw = claims[rolesClaim];
  const roles = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[ ,]+/).filter(Boolean) : [];
  const tenant = typeof claims[tenantClaim] === 'string' ? claims[tenantClaim] : null;
  const session = {
    token,
    username: claims.sub,
    roles,
    tenant,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  };
  return withScope(session, scopeFromClaims(session));
}

export function isExpired(session, now = Date.now()) {
  return !session || (session.expiresAt !== null && session.expiresAt <= now);
}

export function loadSession(storage = globalThis.sessionStorage) {
  const session = sessionFrom(storage?.getItem(KEY));
  return isExpired(session) ? null : session;
}

export function saveSession(token, storage = globalThis.sessionStorage) {
  storage?.setItem(KEY, token);
  return sessionFrom(token);
}

export function clearSession(storage = globalThis.sessionStorage) {
  storage?.removeItem(KEY);
}
