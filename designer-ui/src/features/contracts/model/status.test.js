import { describe, expect, it } from 'vitest';
import { contractStatus, sortContracts, summarize } from './status.js';

const summary = (over) => ({ name: 'orders', version: 3, status: 'live', operationCount: 4, routedCount: 4,
  unroutedCount: 0, ...over });

describe('contract status', () => {
  it('is live when the gateway says live and nothing is unrouted', () => {
    expect(contractStatus(summary())).toMatchObject({ state: 'live', label: 'live', tone: 'ok', unrouted: 0,
      operations: 4, routed: 4 });
  });

  it('is invalid when the gateway reports the contract degraded, even without the findings in the summary', () => {
    expect(contractStatus(summary({ status: 'degraded' }))).toMatchObject({ state: 'invalid', label: 'invalid',
      tone: 'bad', findings: null });
  });

  it('is invalid when the detail carries current findings, and counts them', () => {
    const s = contractStatus(summary({ findings: [{ reason: 'a' }, { reason: 'b' }] }));
    expect(s).toMatchObject({ state: 'invalid', findings: 2, title: '2 current findings' });
  });

  it('keeps the unrouted count beside a live state', () => {
    expect(contractStatus(summary({ unroutedCount: 2, routedCount: 2 }))).toMatchObject({ state: 'live', unrouted: 2, routed: 2 });
  });

  it('counts unrouted operations from the operations when the counts are missing', () => {
    const s = contractStatus({ status: 'live', operations: [{ routed: true }, { routed: false }, { routed: false }] });
    expect(s).toMatchObject({ operations: 3, unrouted: 2, routed: 1 });
  });

  it('treats an unknown status as invalid rather than live', () => {
    expect(contractStatus(summary({ status: 'broken' })).state).toBe('invalid');
  });

  it('summarizes a list and puts invalid contracts first', () => {
    const list = [summary({ name: 'b' }), summary({ name: 'c', status: 'degraded' }),
      summary({ name: 'a', unroutedCount: 1 })];
    expect(summarize(list)).toEqual({ total: 3, live: 2, invalid: 1, unrouted: 1 });
    expect(sortContracts(list).map((c) => c.name)).toEqual(['c', 'a', 'b']);
    expect(summarize(null)).toEqual({ total: 0, live: 0, invalid: 0, unrouted: 0 });
  });
});
