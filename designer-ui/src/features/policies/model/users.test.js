import { describe, expect, it } from 'vitest';
import { changeBody, createBody, describeTenant } from './users.js';

describe('user bodies', () => {
  it('creates with username, password and roles, and a tenant only when given', () => {
    expect(createBody({ username: ' cleo ', password: 'a-long-password', roles: ['ops'], tenant: ' ' }))
      .toEqual({ username: 'cleo', password: 'a-long-password', roles: ['ops'] });
    expect(createBody({ username: 'max', password: 'p', roles: [], tenant: 'downtown' }))
      .toEqual({ username: 'max', password: 'p', roles: [], tenant: 'downtown' });
  });

  it('changes roles and tenant (empty = platform-wide) and the password only when typed', () => {
    expect(changeBody({ roles: ['a'], tenant: '', password: '' })).toEqual({ roles: ['a'], tenant: null });
    expect(changeBody({ roles: [], tenant: 'north', password: 'new-password-123' }))
      .toEqual({ roles: [], tenant: 'north', password: 'new-password-123' });
  });

  it('words a missing tenant', () => {
    expect(describeTenant(null)).toBe('platform-wide');
    expect(describeTenant('north')).toBe('north');
  });
});
