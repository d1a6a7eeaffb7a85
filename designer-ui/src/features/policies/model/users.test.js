import { describe, expect, it } from 'vitest';
import { changeBody, createBody, describeTenant, disabledBody, isDisabled } from './users.js';

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

  it('disables with {disabled: true} only for true, and reads the flag strictly', () => {
    expect(disabledBody(true)).toEqual({ disabled: true });
    expect(disabledBody(false)).toEqual({ disabled: false });
    expect(disabledBody('false')).toEqual({ disabled: false });
    expect(isDisabled({ disabled: true })).toBe(true);
    expect(isDisabled({ disabled: false })).toBe(false);
    expect(isDisabled({})).toBe(false);
    expect(isDisabled(null)).toBe(false);
  });
});
