/**
 * POST /auth/logout: the gateway revokes the token on every node, so a copy of it left anywhere stops working.
 * Signing out never waits for it or fails because of it: a token the gateway no longer accepts is as good as revoked.
 */
export async function revokeToken(client) {
  try {
    await client.post('/auth/logout');
    return true;
  } catch {
    return false;
  }
}
