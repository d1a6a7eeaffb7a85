import { describe, expect, it } from 'vitest';
import { revokeToken } from './logout.js';
import { answer, fakeGateway } from '../../../lib/api/testing.js';

describe('logout', () => {
  it('asks the gateway to revoke the token it sends', async () => {
    const { fetch, client } = fakeGateway(answer(204, null));
    expect(await revokeToken(client)).toBe(true);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/auth/logout');
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe('Bearer tok');
  });

  it('never fails signing out when the gateway refuses or cannot be reached', async () => {
    const refused = fakeGateway(answer(401, { status: 401, code: 'invalid-token' }, 'application/problem+json'));
    expect(await revokeToken(refused.client)).toBe(false);
    const unreachable = fakeGateway();
    unreachable.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await revokeToken(unreachable.client)).toBe(false);
  });
});
