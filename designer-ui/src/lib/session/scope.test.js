import { describe, expect, it } from 'vitest';
import { describeScope, platformOnly, scopeFromClaims, withScope } from './scope.js';

const tenantAdmin = withScope({ username: 'ann', roles: ['admin'], tenant: 'bistro' }, 'tenant-admin');
const platformAdmin = withScope({ username: 'root', roles: ['admin'], tenant: null }, 'platform-admin');

describe('admin scope', () => {
  it('guesses from the claims until the gateway answers: admin without a tenant is the platform admin', () => {
    expect(scopeFromClaims({ roles: ['admin'], tenant: null })).toBe('platform-admin');
    expect(scopeFromClaims({ roles: ['admin'], tenant: 'bistro' })).toBe('tenant-admin');
    expect(scopeFromClaims({ roles: ['waiter'], tenant: null })).toBe('authenticated');
  });

  it('takes the gateway’s word over the claims, and treats an unknown answer as no admin', () => {
    const granted = withScope({ username: 'lead', roles: ['ops-lead'], tenant: null }, 'platform-admin');
    expect(granted).toMatchObject({ scope: 'platform-admin', isAdmin: true, isPlatformAdmin: true });
    expect(withScope({ roles: ['admin'] }, 'superuser')).toMatchObject({ scope: 'authenticated', isAdmin: false });
  });

  it('tells a tenant admin why a platform-only action is not offered, and lets the platform admin do it', () => {
    expect(platformOnly(tenantAdmin, 'deploy flows'))
      .toBe('Only the platform admin can deploy flows: every tenant shares them. You administer tenant bistro.');
    expect(platformOnly(platformAdmin, 'deploy flows')).toBeNull();
    expect(platformOnly(null, 'deploy flows')).toBeNull();
  });

  it('names the scope for the header', () => {
    expect(describeScope(tenantAdmin)).toBe('admin of bistro');
    expect(describeScope(platformAdmin)).toBe('platform admin');
    expect(describeScope(withScope({ roles: [] }, 'authenticated'))).toBeNull();
  });
});
