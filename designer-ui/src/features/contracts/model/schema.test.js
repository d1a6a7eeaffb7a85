import { describe, expect, it } from 'vitest';
import { constraintsOf, resolvePointer, schemaRows, summarizeSchema, typeLabel } from './schema.js';

const root = {
  components: {
    schemas: {
      OrderRequest: {
        type: 'object',
        required: ['store', 'items'],
        additionalProperties: false,
        properties: {
          store: { type: 'string', pattern: '^[a-z]+$', description: 'the store id' },
          items: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['sku'],
              properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1, maximum: 100 } },
            },
          },
          channel: { type: 'string', enum: ['web', 'phone'] },
          placedAt: { type: 'string', format: 'date-time', nullable: true },
          customer: { $ref: '#/components/schemas/Customer' },
        },
      },
      Customer: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } },
      Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      Extended: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { note: { type: 'string' } } }] },
      'a/b': { type: 'integer' },
    },
  },
};

const view = (rows) => rows.map((r) => [r.depth, r.name, r.type, r.required]);

describe('schema flattening', () => {
  it('lists an object body as its properties with depth, type and required flag, following $refs', () => {
    const rows = schemaRows({ $ref: '#/components/schemas/OrderRequest' }, { root });
    expect(view(rows)).toEqual([
      [0, 'store', 'string', true],
      [0, 'items', 'array of object', true],
      [1, 'sku', 'string', true],
      [1, 'qty', 'integer', false],
      [0, 'channel', 'string', false],
      [0, 'placedAt', 'string | null', false],
      [0, 'customer', 'object', false],
      [1, 'id', 'string', true],
      [1, 'tags', 'array of string', false],
    ]);
  });

  it('keeps format, enum, description, constraints and the referenced name', () => {
    const rows = schemaRows({ $ref: '#/components/schemas/OrderRequest' }, { root });
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.store).toMatchObject({ description: 'the store id', constraints: ['pattern ^[a-z]+$'] });
    expect(by.channel.enum).toEqual(['web', 'phone']);
    expect(by.placedAt.format).toBe('date-time');
    expect(by.qty.constraints).toEqual(['≥ 1', '≤ 100']);
    expect(by.items.constraints).toEqual(['minItems 1']);
    expect(by.customer.refName).toBe('Customer');
  });

  it('shows a recursive schema once and marks the way back as circular', () => {
    const rows = schemaRows({ $ref: '#/components/schemas/Node' }, { root });
    expect(view(rows)).toEqual([
      [0, 'name', 'string', false],
      [0, 'children', 'array of Node', false],
      [1, '[item]', 'Node', undefined],
    ]);
    expect(rows[2].note).toMatch(/circular/);
  });

  it('merges allOf parts into one object', () => {
    const rows = schemaRows({ $ref: '#/components/schemas/Extended' }, { root });
    expect(view(rows)).toEqual([[0, 'id', 'string', true], [0, 'note', 'string', false]]);
  });

  it('gives arrays and primitives a root row, and variants of oneOf their own rows', () => {
    expect(view(schemaRows({ type: 'array', items: { $ref: '#/components/schemas/Customer' } }, { root }))).toEqual([
      [0, '(value)', 'array of Customer', undefined],
      [1, 'id', 'string', true],
      [1, 'tags', 'array of string', false],
    ]);
    expect(view(schemaRows({ type: 'string', format: 'uuid' }, { root }))).toEqual([[0, '(value)', 'string', undefined]]);
    const rows = schemaRows({ oneOf: [{ $ref: '#/components/schemas/Base' }, { type: 'string' }] }, { root });
    expect(view(rows)).toEqual([
      [0, '(value)', 'one of', undefined],
      [1, 'one of #1 Base', 'object', undefined],
      [2, 'id', 'string', true],
      [1, 'one of #2', 'string', undefined],
    ]);
  });

  it('lists additionalProperties schemas as any other key', () => {
    const rows = schemaRows({ type: 'object', additionalProperties: { type: 'integer' } }, { root });
    expect(view(rows)).toEqual([[0, '(value)', 'object', undefined], [1, '{any other key}', 'integer', false]]);
  });

  it('stops at the depth limit with a note', () => {
    let deep = { type: 'string' };
    for (let i = 0; i < 5; i++) deep = { type: 'object', properties: { [`l${i}`]: deep } };
    const rows = schemaRows(deep, { root, maxDepth: 2 });
    expect(rows.at(-1)).toMatchObject({ name: '…', note: 'nested deeper than 2 levels' });
    expect(Math.max(...rows.map((r) => r.depth))).toBe(3);
  });

  it('lays members written beside a $ref over its target', () => {
    const rows = schemaRows({ type: 'object', properties: { c: { $ref: '#/components/schemas/Customer', description: 'who ordered', nullable: true } } }, { root });
    expect(rows[0]).toMatchObject({ name: 'c', type: 'object | null', description: 'who ordered', refName: 'Customer' });
  });

  it('marks references that do not resolve instead of failing', () => {
    const rows = schemaRows({ type: 'object', properties: { x: { $ref: '#/components/schemas/Missing' } } }, { root });
    expect(rows[0].type).toBe('unresolved #/components/schemas/Missing');
  });

  it('turns text-like values of a strange document into text', () => {
    const rows = schemaRows({ type: 'object', properties: { x: { type: 'string', description: { a: 1 }, format: 5 } } }, { root });
    expect(rows[0]).toMatchObject({ description: '{"a":1}', format: '5' });
  });

  it('reads pointers with escaped segments, OpenAPI 3.1 types and exclusive bounds', () => {
    expect(resolvePointer(root, '#/components/schemas/a~1b')).toEqual({ type: 'integer' });
    expect(resolvePointer(root, 'http://elsewhere/x')).toBeUndefined();
    expect(typeLabel({ type: ['integer', 'null'] })).toBe('integer | null');
    expect(constraintsOf({ exclusiveMinimum: 0, maximum: 10 })).toEqual(['> 0', '≤ 10']);
    expect(constraintsOf({ minimum: 0, exclusiveMinimum: true, default: 'a', readOnly: true }))
      .toEqual(['> 0', 'default "a"', 'read-only']);
  });

  it('summarizes a parameter schema in one line', () => {
    expect(summarizeSchema({ type: 'string', pattern: '^x$' }, root)).toMatchObject({ type: 'string', constraints: ['pattern ^x$'] });
    expect(summarizeSchema({ $ref: '#/components/schemas/Customer' }, root)).toMatchObject({ type: 'object', refName: 'Customer' });
    expect(summarizeSchema(undefined, root)).toBeNull();
  });
});
