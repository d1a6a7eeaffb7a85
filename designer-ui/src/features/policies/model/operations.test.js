import { describe, expect, it } from 'vitest';
import { describeRoles, formatRateLimit, needsDocument, operationPolicyRows } from './operations.js';

const contracts = [{
  name: 'orders',
  version: 2,
  operations: [
    { method: 'POST', path: '/orders', operationId: 'placeOrder', routed: true },
    { method: 'GET', path: '/ping', operationId: null, routed: false },
  ],
}];
const policyOperations = [{ contract: 'orders', operation: 'placeOrder', method: 'POST', path: '/orders', roles: ['b', 'a'], public: false }];
const documents = { orders: { paths: {
  '/orders': { post: { 'x-rate-limit': { limit: 10, window: '1s', key: 'principal' }, 'x-sla-tier': 'gold' } },
  '/ping': { get: { 'x-public': true } },
} } };

describe('operation policy rows', () => {
  it('joins each live operation with its enforced roles and its document limits', () => {
    expect(operationPolicyRows({ contracts, policyOperations, documents })).toEqual([
      { key: 'orders POST /orders', contract: 'orders', method: 'POST', path: '/orders', operationId: 'placeOrder',
        routed: true, roles: ['a', 'b'], isPublic: false, rateLimit: { limit: 10, window: '1s', key: 'principal' }, slaTier: 'gold' },
      { key: 'orders GET /ping', contract: 'orders', method: 'GET', path: '/ping', operationId: null, routed: false,
        roles: [], isPublic: true, rateLimit: null, slaTier: null },
    ]);
  });

  it('leaves limits unknown without a document, and prefers the operation JSON’s own fields', () => {
    const [op] = operationPolicyRows({ contracts, policyOperations });
    expect(op.rateLimit).toBeUndefined();
    const withJson = [{ name: 'orders', operations: [{ method: 'POST', path: '/orders', roles: ['z'], rateLimit: null, slaTier: 'silver' }] }];
    expect(operationPolicyRows({ contracts: withJson, policyOperations })[0]).toMatchObject({ roles: ['z'], rateLimit: null, slaTier: 'silver' });
    expect(needsDocument(withJson[0])).toBe(false);
    expect(needsDocument(contracts[0])).toBe(true);
  });

  it('words roles and limits', () => {
    expect(describeRoles({ isPublic: false, roles: [] })).toBe('any authenticated caller');
    expect(describeRoles({ isPublic: false, roles: null })).toBe('unknown');
    expect(formatRateLimit({ limit: 5, window: '1m', key: 'IP' })).toBe('5 / 1m per ip');
    expect(formatRateLimit(null)).toBe('gateway default');
  });
});
