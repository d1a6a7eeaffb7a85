import { describe, expect, it } from 'vitest';
import { candidateGroupOptions } from './candidateGroup.js';
import { describeDeployment } from './deployResult.js';
import { filterRows, flowRows } from './flowsList.js';
import { isValidProcessId, newProcessId, processIdProblem } from './processId.js';
import { rolesFromAnswer } from './roles.js';

describe('roles', () => {
  it('reads GET /admin/roles as strings or objects', () => {
    expect(rolesFromAnswer({ roles: ['b', 'a', ''] })).toEqual(['b', 'a']);
    expect(rolesFromAnswer({ roles: [{ name: 'ops' }, { role: 'x' }] })).toEqual(['ops', 'x']);
    expect(rolesFromAnswer(['z'])).toEqual(['z']);
    expect(rolesFromAnswer(null)).toEqual([]);
  });
});

describe('candidate group options', () => {
  it('offers none, the roles, and keeps an unknown current value', () => {
    expect(candidateGroupOptions(['a', 'b'], 'a')).toEqual([
      { value: '', label: '(none)' }, { value: 'a', label: 'a' }, { value: 'b', label: 'b' },
    ]);
    expect(candidateGroupOptions(['a'], 'x,y').at(-1)).toEqual({ value: 'x,y', label: 'x,y (not a known role)' });
    expect(candidateGroupOptions([], '')).toEqual([{ value: '', label: '(none)' }]);
  });
});

describe('deploy answers', () => {
  const flow = { key: 'leave', name: 'Leave', version: 3, deploymentId: 'd' };
  it('names the new version', () => {
    expect(describeDeployment({ created: true, flows: [flow], warnings: [] }, 'leave'))
      .toEqual({ created: true, key: 'leave', version: 3, message: 'Deployed version 3 of leave.' });
  });
  it('says when nothing changed', () => {
    const d = describeDeployment({ created: false, flows: [flow] }, 'leave');
    expect(d.created).toBe(false);
    expect(d.message).toBe('Unchanged: version 3 of leave is already deployed with the same content.');
  });
  it('copes with an answer without flows', () => {
    expect(describeDeployment({ created: true }, 'p').message).toBe('Deployed a new version of p.');
  });
});

describe('flows list', () => {
  const flows = [
    { key: 'refund-approval', name: 'Refund approval', latestVersion: 2,
      versions: [{ version: 2, deployedAt: '2026-11-23T03:00:00Z' }, { version: 1, deployedAt: '2026-11-22T03:00:00Z' }],
      usedBy: [{ contract: 'restaurant-orders', operation: 'POST /refunds (requestRefund)' }] },
    { key: 'order-lookup', name: 'Order lookup', latestVersion: 1, versions: [{ version: 1, deployedAt: '2026-11-21T00:00:00Z' }], usedBy: [] },
  ];
  it('has a row per flow with its latest version, count, deploy time and operations', () => {
    const rows = flowRows(flows);
    expect(rows.map((r) => r.key)).toEqual(['order-lookup', 'refund-approval']);
    expect(rows[1]).toEqual({
      key: 'refund-approval', name: 'Refund approval', latestVersion: 2, versionCount: 2,
      deployedAt: '2026-11-23T03:00:00Z', usedBy: ['restaurant-orders · POST /refunds (requestRefund)'],
    });
    expect(flowRows(null)).toEqual([]);
  });
  it('filters by key, name or operation', () => {
    const rows = flowRows(flows);
    expect(filterRows(rows, 'REFUNDS').map((r) => r.key)).toEqual(['refund-approval']);
    expect(filterRows(rows, ' ')).toHaveLength(2);
  });
});

describe('process ids', () => {
  it('accepts XML ids and explains the others', () => {
    expect(isValidProcessId('e2e-approval-ab12')).toBe(true);
    expect(isValidProcessId('_a.b')).toBe(true);
    expect(isValidProcessId('1abc')).toBe(false);
    expect(isValidProcessId('a b')).toBe(false);
    expect(processIdProblem('')).toMatch(/required/);
    expect(processIdProblem('a b')).toMatch(/no spaces/);
    expect(processIdProblem('ok')).toBeNull();
  });
  it('makes fresh ids', () => {
    expect(newProcessId('approval', () => 0)).toBe('approval-0000');
    expect(isValidProcessId(newProcessId())).toBe(true);
  });
});
