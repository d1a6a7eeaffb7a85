import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../lib/api/client.js';
import { toRow } from '../model/grants.js';
import {
  createUser, deleteUser, getPolicies, listRoles, listUsers, loadOperationPolicies, revokeUserTokens, saveGrants,
  setUserDisabled, updateUser,
} from './policiesApi.js';
import { answer, fakeGateway } from '../../../lib/api/testing.js';

/** A fake gateway that answers by path, for calls made in parallel. */
function routedGateway(routes) {
  const fetch = vi.fn(async (url) => {
    const handler = routes[url];
    if (!handler) return answer(404, { title: 'Not Found', status: 404, code: 'route-not-found' }, 'application/problem+json');
    return handler();
  });
  return { fetch, client: createClient({ getToken: () => 'tok', fetch }) };
}

const problem = (status, body) => answer(status, { status, ...body }, 'application/problem+json');

describe('policies api', () => {
  it('reads the policies', async () => {
    const body = { grants: [], fileGrants: [], operations: [] };
    const { fetch, client } = fakeGateway(answer(200, body));
    expect(await getPolicies(client)).toEqual(body);
    expect(fetch.mock.calls[0][0]).toBe('/admin/policies');
  });

  it('saves grants with PUT and the exact body the controller reads', async () => {
    const saved = { grants: [{ subject: 'alice', role: 'finance', domain: '*' }], fileGrants: [], operations: [] };
    const { fetch, client } = fakeGateway(answer(200, saved));
    expect(await saveGrants(client, [toRow({ subject: 'alice ', role: 'finance', domain: '*' })])).toEqual(saved);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/admin/policies');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body)).toEqual({ grants: [{ subject: 'alice', role: 'finance', domain: '*' }] });
  });

  it('keeps every problem of refused grants', async () => {
    const { client } = fakeGateway(problem(400, { type: 'https://flowgate.io/problems/invalid-grants', title: 'Invalid grants',
      detail: '2 grants are invalid', errors: ['grants[0]: role must be a role name', 'grants[1]: domain must be "*"'] }));
    const error = await saveGrants(client, []).catch((e) => e);
    expect(error).toMatchObject({ status: 400, title: 'Invalid grants', detail: '2 grants are invalid' });
    expect(error.problem.errors).toHaveLength(2);
  });

  it('lists roles and reports a failure as the gateway said', async () => {
    let gw = fakeGateway(answer(200, { roles: ['admin', 'ops'] }));
    expect(await listRoles(gw.client)).toEqual(['admin', 'ops']);
    expect(gw.fetch.mock.calls[0][0]).toBe('/admin/roles');
    gw = fakeGateway(problem(500, { title: 'Internal error' }));
    await expect(listRoles(gw.client)).rejects.toMatchObject({ status: 500 });
  });

  it('creates, changes and deletes users with only the fields the gateway accepts', async () => {
    const user = { username: 'cleo', roles: ['ops'], tenant: null };
    const { fetch, client } = fakeGateway(answer(201, user), answer(200, user), answer(204, ''), answer(200, [user]));
    await createUser(client, { username: 'cleo', password: 'a-long-password', roles: ['ops'], tenant: '' });
    await updateUser(client, 'cleo', { roles: ['ops'], tenant: '', password: '' });
    await deleteUser(client, 'cleo');
    expect(await listUsers(client)).toEqual([user]);
    expect(fetch.mock.calls.map(([url, init]) => [init.method, url, init.body && JSON.parse(init.body)])).toEqual([
      ['POST', '/admin/users', { username: 'cleo', password: 'a-long-password', roles: ['ops'] }],
      ['PUT', '/admin/users/cleo', { roles: ['ops'], tenant: null }],
      ['DELETE', '/admin/users/cleo', undefined],
      ['GET', '/admin/users', undefined],
    ]);
  });

  it('disables and enables a user with {disabled} alone, and revokes its tokens with an empty POST', async () => {
    const user = { username: 'bea/1', roles: ['waiter'], tenant: 'bistro', disabled: true };
    const { fetch, client } = fakeGateway(answer(200, user), answer(200, { ...user, disabled: false }), answer(204, null));
    expect(await setUserDisabled(client, 'bea/1', true)).toEqual(user);
    await setUserDisabled(client, 'bea/1', false);
    await revokeUserTokens(client, 'bea/1');
    expect(fetch.mock.calls.map(([url, init]) => [init.method, url, init.body && JSON.parse(init.body)])).toEqual([
      ['PUT', '/admin/users/bea%2F1', { disabled: true }],
      ['PUT', '/admin/users/bea%2F1', { disabled: false }],
      ['POST', '/admin/users/bea%2F1/revoke-tokens', undefined],
    ]);
  });

  it('passes the last platform admin’s refusal on with its detail', async () => {
    const { client } = fakeGateway(problem(409, { type: 'https://flowgate.io/problems/last-platform-admin',
      title: 'Conflict', detail: "'admin' is the last platform admin (role admin, no tenant)" }));
    await expect(setUserDisabled(client, 'admin', true)).rejects.toMatchObject({ status: 409,
      code: 'last-platform-admin', detail: "'admin' is the last platform admin (role admin, no tenant)" });
  });

  it('passes a refused user on with its field', async () => {
    const { client } = fakeGateway(problem(400, { title: 'Bad Request', detail: 'password must have at least 12 characters',
      code: 'invalid-user', field: 'password' }));
    await expect(createUser(client, { username: 'x', password: 'short', roles: [] }))
      .rejects.toMatchObject({ field: 'password', detail: 'password must have at least 12 characters' });
  });

  it('joins contracts, enforced roles and the documents’ limits for the operations table', async () => {
    const { fetch, client } = routedGateway({
      '/admin/contracts': () => answer(200, [{ name: 'orders', version: 2 }]),
      '/admin/policies': () => answer(200, { grants: [], fileGrants: [], operations: [
        { contract: 'orders', method: 'POST', path: '/orders', roles: ['customer'], public: false }] }),
      '/admin/contracts/orders': () => answer(200, { name: 'orders', version: 2, operations: [
        { method: 'POST', path: '/orders', operationId: 'placeOrder', routed: true }] }),
      '/admin/contracts/orders/versions/2/source': () => answer(200,
        'paths:\n  /orders:\n    post:\n      x-rate-limit: {limit: 3, window: 1s, key: ip}\n', 'text/plain'),
    });
    const rows = await loadOperationPolicies(client);
    expect(rows).toEqual([{ key: 'orders POST /orders', contract: 'orders', method: 'POST', path: '/orders',
      operationId: 'placeOrder', routed: true, roles: ['customer'], isPublic: false,
      rateLimit: { limit: 3, window: '1s', key: 'ip' }, slaTier: null }]);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('still lists operations when the policies or a document cannot be read', async () => {
    const { client } = routedGateway({
      '/admin/contracts': () => answer(200, [{ name: 'orders', version: 1 }]),
      '/admin/policies': () => problem(500, { title: 'Internal error' }),
      '/admin/contracts/orders': () => answer(200, { name: 'orders', version: 1, operations: [
        { method: 'GET', path: '/x', routed: true }] }),
    });
    const [row] = await loadOperationPolicies(client);
    expect(row).toMatchObject({ path: '/x', roles: null, rateLimit: undefined });
  });
});
