import { parse } from 'yaml';
import { grantsBody } from '../model/grants.js';
import { changeBody, createBody, disabledBody } from '../model/users.js';
import { needsDocument, operationPolicyRows } from '../model/operations.js';

/**
 * `/admin/policies`, `/admin/users`, `/admin/roles` and, read-only, the contracts' operations, through the console's
 * client (from `useApi()`). Failures are the client's ApiError.
 */
const userPath = (username) => `/admin/users/${encodeURIComponent(username)}`;

/** `{grants, fileGrants, operations}`. */
export function getPolicies(client, { signal } = {}) {
  return client.get('/admin/policies', { signal });
}

/** Replaces every stored grant; answers the policies as they are now. */
export function saveGrants(client, rows) {
  return client.put('/admin/policies', grantsBody(rows));
}

/** Every role the platform knows (`GET /admin/roles`). */
export async function listRoles(client, { signal } = {}) {
  const answer = await client.get('/admin/roles', { signal });
  return Array.isArray(answer?.roles) ? answer.roles.map(String) : [];
}

export function listUsers(client, { signal } = {}) {
  return client.get('/admin/users', { signal });
}

export function createUser(client, form) {
  return client.post('/admin/users', createBody(form));
}

export function updateUser(client, username, form) {
  return client.put(userPath(username), changeBody(form));
}

export function deleteUser(client, username) {
  return client.del(userPath(username));
}

/**
 * Disables a user (`true`: it cannot sign in and every token it holds ends) or enables it again (`false`); answers
 * the user as it is now.
 */
export function setUserDisabled(client, username, disabled) {
  return client.put(userPath(username), disabledBody(disabled));
}

/** Ends every token the user holds, on every node within a second (`204`); the user can sign in again. */
export function revokeUserTokens(client, username) {
  return client.post(`${userPath(username)}/revoke-tokens`);
}

/**
 * Every live contract's operations with roles, rate limit and SLA tier: the contracts' JSON, the enforced roles of
 * `/admin/policies`, and each contract's published document where its JSON lacks the limits. A contract whose
 * document cannot be read shows its limits as unknown instead of failing the table.
 */
export async function loadOperationPolicies(client, { signal } = {}) {
  const [summaries, policyOperations] = await Promise.all([
    client.get('/admin/contracts', { signal }),
    // without the enforced roles the documents' x-required-roles still say who may call
    getPolicies(client, { signal }).then((p) => p?.operations ?? null, (error) => {
      if (error?.name === 'AbortError') throw error;
      return null;
    }),
  ]);
  const contracts = await Promise.all((summaries ?? []).map((c) =>
    client.get(`/admin/contracts/${encodeURIComponent(c.name)}`, { signal })));
  const documents = {};
  await Promise.all(contracts.filter(needsDocument).map(async (c) => {
    try {
      const source = await client.get(`/admin/contracts/${encodeURIComponent(c.name)}/versions/${c.version}/source`,
        { accept: 'text/plain, */*', signal });
      documents[c.name] = typeof source === 'string' ? parse(source, { maxAliasCount: 100 }) : source;
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      // limits stay unknown for this contract
    }
  }));
  return operationPolicyRows({ contracts, policyOperations, documents });
}
