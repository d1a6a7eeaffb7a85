/** GET /auth/me → `{ username, tenant, roles, scope }`: who the gateway takes the caller for. */
export async function fetchMe(client, { signal } = {}) {
  const me = await client.get('/auth/me', { signal });
  if (!me || typeof me.scope !== 'string') {
    throw new Error('the gateway answered /auth/me without a scope');
  }
  return me;
}
