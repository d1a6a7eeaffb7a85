import { describe, expect, it } from 'vitest';
import { grantsBody, grantsChanged, missingFields, toRow } from './grants.js';

describe('grants editing', () => {
  it('sends exactly {grants: [{subject, role, domain}]}, trimmed, without row keys', () => {
    const rows = [toRow({ subject: ' alice ', role: 'finance', domain: 'downtown' }), toRow({ subject: 'role:lead', role: 'ops' })];
    expect(grantsBody(rows)).toEqual({ grants: [
      { subject: 'alice', role: 'finance', domain: 'downtown' },
      { subject: 'role:lead', role: 'ops', domain: '*' },
    ] });
    expect(rows[0].key).not.toBe(rows[1].key);
  });

  it('notices a change against what is stored', () => {
    const stored = [{ subject: 'alice', role: 'finance', domain: '*' }];
    const rows = stored.map(toRow);
    expect(grantsChanged(rows, stored)).toBe(false);
    expect(grantsChanged([{ ...rows[0], role: 'ops' }], stored)).toBe(true);
    expect(grantsChanged([], stored)).toBe(true);
  });

  it('flags empty fields', () => {
    expect(missingFields({ subject: ' ', role: 'x', domain: '' })).toEqual(['subject', 'domain']);
  });
});
