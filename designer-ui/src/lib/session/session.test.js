import { describe, expect, it } from 'vitest';
import { clearSession, decodeClaims, isExpired, loadSession, saveSession, sessionFrom } from './session.js';

function jwt(claims) {
  const b64 = (o) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`;
}

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v), removeItem: (k) => items.delete(k) };
}

describe('session', () => {
  it('reads user, roles and tenant from the token claims', () => {
    const s = sessionFrom(jwt({ sub: 'maria', roles: ['ops', 'admin'], tenant: 'north', exp: 4102444800 }));
    expect(s).toMatchObject({ username: 'maria', roles: ['ops', 'admin'], tenant: 'north', isAdmin: true, expiresAt: 4102444800000,
      scope: 'tenant-admin', isPlatformAdmin: false });
  });

  it('decodes non-ASCII claims', () => {
    expect(decodeClaims(jwt({ sub: 'x', name: 'Zoë' })).name).toBe('Zoë');
  });

  it('is not a session without a subject, or for garbage', () => {
    expect(sessionFrom(jwt({ roles: ['ops'] }))).toBeNull();
    expect(sessionFrom('not-a-jwt')).toBeNull();
    expect(sessionFrom(null)).toBeNull();
  });

  it('treats an ops user as not admin', () => {
    expect(sessionFrom(jwt({ sub: 'o', roles: ['ops'] })).isAdmin).toBe(false);
  });

  it('keeps the token in the given storage and drops an expired one on load', () => {
    const storage = memoryStorage();
    saveSession(jwt({ sub: 'a', exp: 4102444800 }), storage);
    expect(loadSession(storage).username).toBe('a');
    saveSession(jwt({ sub: 'a', exp: 1 }), storage);
    expect(loadSession(storage)).toBeNull();
    clearSession(storage);
    expect(storage.getItem('flowgate.session')).toBeNull();
    expect(isExpired(null)).toBe(true);
  });
});
