import { describe, expect, it } from 'vitest';
import { describeRoles, formatRateLimit, formatTimeout, operationRows } from './operations.js';

const detail = {
  name: 'orders',
  operations: [
    { method: 'POST', path: '/orders', operationId: 'placeOrder', summary: 'Place', routed: true,
      flow: { id: 'order-fulfilment', action: 'start', mode: 'sync', timeout: '20000ms' } },
    { method: 'GET', path: '/ping', operationId: null, routed: false },
  ],
};
const policyOperations = [
  { contract: 'orders', operation: 'placeOrder', method: 'POST', path: '/orders', roles: ['store-manager', 'customer'], public: false },
  { contract: 'other', operation: 'x', method: 'GET', path: '/ping', roles: ['nobody'], public: false },
];
const document = {
  paths: {
    '/orders': { post: { 'x-rate-limit': { limit: 5, window: '1m', key: 'tenant' }, 'x-sla-tier': 'gold', 'x-required-roles': ['ignored'] } },
    '/ping': { get: { 'x-public': true } },
  },
};

describe('operation rows', () => {
  it('joins the binding, the enforced roles and the document’s rate limit and SLA tier', () => {
    const [order, ping] = operationRows(detail, { policyOperations, document });
    expect(order).toMatchObject({ method: 'POST', path: '/orders', operationId: 'placeOrder', routed: true,
      flow: { id: 'order-fulfilment', mode: 'sync' }, roles: ['customer', 'store-manager'], isPublic: false,
      rateLimit: { limit: 5, window: '1m', key: 'tenant' }, slaTier: 'gold' });
    expect(ping).toMatchObject({ routed: false, flow: null, isPublic: true, roles: [], rateLimit: null, slaTier: null });
  });

  it('prefers values the operation JSON carries itself', () => {
    const [op] = operationRows({ name: 'orders', operations: [{ ...detail.operations[0], roles: ['a'], rateLimit: null, slaTier: 'bronze' }] },
      { policyOperations, document });
    expect(op).toMatchObject({ roles: ['a'], rateLimit: null, slaTier: 'bronze' });
  });

  it('leaves what no source says unknown', () => {
    const [op] = operationRows(detail, {});
    expect(op.roles).toBeNull();
    expect(op.rateLimit).toBeUndefined();
    expect(formatRateLimit(op.rateLimit)).toBe('unknown');
    expect(describeRoles(op)).toBe('unknown');
    expect(operationRows(null)).toEqual([]);
  });

  it('words rate limits and roles', () => {
    expect(formatRateLimit({ limit: 100, window: '1s', key: 'PRINCIPAL' })).toBe('100 / 1s per principal');
    expect(formatRateLimit({ limit: 3, window: 60000 })).toBe('3 / 60000ms');
    expect(formatRateLimit(null)).toBe('gateway default');
    expect(describeRoles({ isPublic: false, roles: [] })).toBe('any authenticated caller');
    expect(describeRoles({ isPublic: true, roles: [] })).toBe('public (no authentication)');
    expect(describeRoles({ isPublic: false, roles: ['a', 'b'] })).toBe('a, b');
  });
});

describe('timeouts', () => {
  it('reads the gateway’s milliseconds as seconds or minutes where they are whole', () => {
    expect(formatTimeout('20000ms')).toBe('20 s');
    expect(formatTimeout('120000ms')).toBe('2 min');
    expect(formatTimeout('1500ms')).toBe('1500 ms');
    expect(formatTimeout('2s')).toBe('2s');
    expect(formatTimeout(undefined)).toBe('');
  });
});
