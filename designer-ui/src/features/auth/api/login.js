/** POST /auth/token → the bearer token. Wrong credentials come back as the gateway's 401 problem. */
export async function requestToken(client, username, password) {
  const answer = await client.post('/auth/token', { username, password });
  if (!answer || typeof answer.access_token !== 'string') {
    throw new Error('the gateway answered without an access_token');
  }
  return answer.access_token;
}
