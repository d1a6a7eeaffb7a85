import { describe, expect, it } from 'vitest';
import { collectRoles, describeSubject, mergeRoles, parseRoles, splitRoles } from './roles.js';

describe('roles', () => {
  it('collects roles from users, grants (both sides) and operations, counting each use', () => {
    const roles = collectRoles({
      declared: null,
      users: [{ username: 'admin', roles: ['admin'] }, { username: 'max', roles: ['store-manager', 'customer'] }],
      grants: [{ subject: 'alice', role: 'finance', domain: 'downtown' }, { subject: 'role:lead', role: 'store-manager', domain: '*' }],
      fileGrants: [{ subject: 'bob', role: 'finance', domain: '*' }],
      operations: [{ roles: ['store-manager', 'customer-service'] }, { roles: [] }],
    });
    expect(roles).toEqual([
      { role: 'admin', declared: false, users: 1, grants: 0, operations: 0 },
      { role: 'customer', declared: false, users: 1, grants: 0, operations: 0 },
      { role: 'customer-service', declared: false, users: 0, grants: 0, operations: 1 },
      { role: 'finance', declared: false, users: 0, grants: 2, operations: 0 },
      { role: 'lead', declared: false, users: 0, grants: 0, operations: 0 },
      { role: 'store-manager', declared: false, users: 1, grants: 1, operations: 1 },
    ]);
  });

  it('keeps the roles the gateway lists even when nothing uses them yet', () => {
    expect(collectRoles({ declared: ['auditor'] })).toEqual([{ role: 'auditor', declared: true, users: 0, grants: 0, operations: 0 }]);
    expect(collectRoles()).toEqual([]);
  });

  it('tells role subjects from users', () => {
    expect(describeSubject('role:lead')).toEqual({ kind: 'role', name: 'lead' });
    expect(describeSubject('alice')).toEqual({ kind: 'user', name: 'alice' });
  });

  it('parses, splits and merges role lists', () => {
    expect(parseRoles(' ops, finance  ops,,')).toEqual(['ops', 'finance']);
    expect(splitRoles(['admin', 'x-role'], ['admin', 'ops'])).toEqual({ checked: ['admin'], other: 'x-role' });
    expect(mergeRoles(['ops', 'admin'], 'ops, finance')).toEqual(['admin', 'finance', 'ops']);
  });
});
