import { describe, expect, it } from 'vitest';
import { anchorFor, docModel, flowExtensions, parseDocument, UNTAGGED } from './openapi.js';

const yaml = `
openapi: 3.0.3
info:
  title: Restaurant Orders
  version: 1.2.0
  description: |
    Orders <b>and</b> refunds.
servers:
  - url: https://api.example.com
    description: production
tags:
  - name: refunds
    description: Money back
  - name: orders
paths:
  /orders/{id}:
    parameters:
      - $ref: '#/components/parameters/Id'
    get:
      tags: [orders]
      operationId: getOrder
      x-flow-id: order-lookup
      x-required-roles: [store-manager, customer-service]
      x-rate-limit: {limit: 100, window: 1s, key: principal}
      x-sla-tier: gold
      x-flow-errors: {ORDER_NOT_FOUND: 404}
      parameters:
        - name: expand
          in: query
          schema: {type: boolean}
      responses:
        '404': {$ref: '#/components/responses/NotFound'}
        '200':
          description: The order
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
  /refunds:
    post:
      tags: [refunds]
      summary: Ask for a refund
      x-flow-id: refund-approval
      x-flow-mode: async
      x-idempotency: required
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, properties: {amount: {type: number}}}
      responses:
        default: {description: problem}
        '201': {description: created}
  /health-check:
    get:
      responses:
        '200': {description: ok}
    x-not-a-method: {}
components:
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: string}}
  responses:
    NotFound: {description: No such order}
  schemas:
    Order: {type: object, properties: {id: {type: string}}}
`;

describe('OpenAPI docs model', () => {
  const doc = parseDocument(yaml);
  const model = docModel(doc);

  it('reads the header and servers', () => {
    expect(model).toMatchObject({ title: 'Restaurant Orders', version: '1.2.0', openapi: '3.0.3', operationCount: 3 });
    expect(model.description).toBe('Orders <b>and</b> refunds.\n');
    expect(model.servers).toEqual([{ url: 'https://api.example.com', description: 'production' }]);
  });

  it('groups operations by tag in the order the document declares tags, untagged last', () => {
    expect(model.groups.map((g) => [g.tag, g.operations.map((o) => o.key)])).toEqual([
      ['refunds', ['POST /refunds']],
      ['orders', ['GET /orders/{id}']],
      [UNTAGGED, ['GET /health-check']],
    ]);
    expect(model.groups[0].description).toBe('Money back');
  });

  it('merges path-level parameters, following $refs, and sorts responses by status with default last', () => {
    const getOrder = model.groups[1].operations[0];
    expect(getOrder.parameters.map((p) => [p.name, p.in, p.required])).toEqual([['id', 'path', true], ['expand', 'query', false]]);
    expect(getOrder.responses.map((r) => [r.status, r.description])).toEqual([['200', 'The order'], ['404', 'No such order']]);
    expect(getOrder.responses[0].contents[0]).toMatchObject({ mediaType: 'application/json', schema: { $ref: '#/components/schemas/Order' } });
    const refund = model.groups[0].operations[0];
    expect(refund.responses.map((r) => r.status)).toEqual(['201', 'default']);
    expect(refund.requestBody).toMatchObject({ required: true, contents: [{ mediaType: 'application/json' }] });
  });

  it('reads the Flowgate extensions with their defaults', () => {
    const getOrder = model.groups[1].operations[0];
    expect(getOrder.flow).toMatchObject({ flowId: 'order-lookup', action: 'start', mode: 'sync',
      roles: ['store-manager', 'customer-service'], rateLimit: { limit: 100, window: '1s', key: 'principal' },
      slaTier: 'gold', errors: [{ code: 'ORDER_NOT_FOUND', status: '404' }] });
    expect(model.groups[0].operations[0].flow).toMatchObject({ mode: 'async', idempotency: 'required', slaTier: null });
    expect(model.groups[2].operations[0].flow).toMatchObject({ flowId: null, action: null, mode: null });
    expect(flowExtensions({ 'x-flow-id': 'f', 'x-webhook': { scheme: 'github', secret: 'env:S' } }))
      .toMatchObject({ mode: 'async', webhookScheme: 'github' });
  });

  it('parses JSON documents and passes parsed ones through', () => {
    expect(parseDocument('{"openapi":"3.1.0","info":{"title":"J"}}').info.title).toBe('J');
    const obj = { openapi: '3.1.0' };
    expect(parseDocument(obj)).toBe(obj);
  });

  it('refuses what is not an OpenAPI object, and alias bombs', () => {
    expect(() => parseDocument('- a\n- b')).toThrow(/not an OpenAPI object/);
    expect(() => parseDocument('')).toThrow();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]}]`)].join('\n');
    expect(() => parseDocument(bomb)).toThrow();
  });

  it('renders anything where text belongs as text', () => {
    const m = docModel({ info: { title: 42, description: { html: '<script>' } }, paths: { '/x': { get: { summary: ['a'] } } } });
    expect(m.title).toBe('42');
    expect(m.description).toBe('{"html":"<script>"}');
    expect(m.groups[0].operations[0].summary).toBe('["a"]');
    expect(docModel({}).title).toBe('Untitled contract');
    expect(m.groups.map((g) => g.tag)).toEqual(['Operations']);
  });

  it('makes fragment-safe anchors', () => {
    expect(anchorFor('GET', '/orders/{id}', null)).toBe('op-GET-orders-id');
    expect(anchorFor('GET', '/x', 'get Order"><x')).toBe('op-get-Order-x');
  });
});
