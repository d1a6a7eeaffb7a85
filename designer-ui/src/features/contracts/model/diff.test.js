import { describe, expect, it } from 'vitest';
import { defaultRange, describeValue, operationLabel, presentDiff, versionNumbers } from './diff.js';

const diff = {
  name: 'orders',
  from: 1,
  to: 2,
  breaking: true,
  added: [{ method: 'GET', path: '/stores', operationId: 'listStores' }],
  removed: [{ method: 'DELETE', path: '/orders/{id}', operationId: null }],
  changed: [
    {
      operation: { method: 'POST', path: '/orders', operationId: 'placeOrder' },
      changes: [
        { field: 'x-flow-timeout', from: '5s', to: '10s', breaking: false, detail: null },
        { field: 'requestBody.required', from: ['store'], to: ['store', 'items'], breaking: true,
          detail: 'a new required property' },
      ],
    },
    {
      operation: { method: 'GET', path: '/orders/{id}', operationId: 'getOrder' },
      changes: [{ field: 'summary', from: 'a', to: 'b', breaking: false }],
    },
  ],
};

describe('diff presentation', () => {
  it('orders sections removed, changed, added and counts each kind and the breaking entries', () => {
    const p = presentDiff(diff);
    expect(p.sections.map((s) => s.kind)).toEqual(['removed', 'changed', 'added']);
    expect(p.counts).toEqual({ added: 1, removed: 1, changed: 2, breaking: 2 });
    expect(p.breaking).toBe(true);
    expect(p.empty).toBe(false);
  });

  it('marks a removed operation breaking and a changed one breaking when any of its changes is', () => {
    const p = presentDiff(diff);
    const [removed] = p.sections[0].entries;
    expect(removed).toMatchObject({ kind: 'removed', breaking: true, label: 'DELETE /orders/{id}' });
    const changed = p.sections[1].entries;
    expect(changed.map((e) => [e.operationId, e.breaking])).toEqual([['placeOrder', true], ['getOrder', false]]);
    expect(p.sections[2].entries[0]).toMatchObject({ kind: 'added', breaking: false, label: 'GET /stores (listStores)' });
  });

  it('lists breaking changes of an operation first and shows values as text', () => {
    const [placeOrder] = presentDiff(diff).sections[1].entries;
    expect(placeOrder.changes.map((c) => c.field)).toEqual(['requestBody.required', 'x-flow-timeout']);
    expect(placeOrder.changes[0]).toMatchObject({ from: '[store]', to: '[store, items]', breaking: true,
      detail: 'a new required property' });
  });

  it('is empty and not breaking for two versions with the same operations', () => {
    const p = presentDiff({ name: 'x', from: 1, to: 2, breaking: false, added: [], removed: [], changed: [] });
    expect(p).toMatchObject({ empty: true, breaking: false, sections: [] });
  });

  it('trusts the gateway when it calls the diff breaking, and survives a missing answer', () => {
    expect(presentDiff({ breaking: true }).breaking).toBe(true);
    expect(presentDiff(undefined)).toMatchObject({ empty: true, breaking: false });
  });

  it('labels operations and values', () => {
    expect(operationLabel({ method: 'post', path: '/a', operationId: 'x' })).toBe('POST /a (x)');
    expect(describeValue(null)).toBe('—');
    expect(describeValue('')).toBe('—');
    expect(describeValue(3)).toBe('3');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue(['store-manager', 'finance'])).toBe('[store-manager, finance]');
    expect(describeValue({ limit: 20, window: '1m', key: 'tenant' })).toBe('20 / 1m per tenant');
    expect(describeValue(false)).toBe('false');
  });

  it('compares the previous version with the newest by default', () => {
    expect(defaultRange([{ version: 3 }, { version: 1 }, { version: 2 }])).toEqual({ from: 2, to: 3 });
    expect(defaultRange([{ version: 1 }])).toBeNull();
    expect(defaultRange(undefined)).toBeNull();
    expect(versionNumbers([2, 2, 1, 'x'])).toEqual([1, 2]);
  });
});
