import { vi } from 'vitest';
import { createClient } from './client.js';

/** A fetch answer for tests: JSON (or a string as it is) with a content type; no body for 204 or a null body. */
export function answer(status, body, contentType = 'application/json') {
  const text = body === null || body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(status === 204 ? null : text, {
    status, statusText: `status ${status}`, headers: { 'Content-Type': contentType },
  });
}

/** A client over a fake fetch that answers each call in turn and records what was sent. */
export function fakeGateway(...answers) {
  const fetch = vi.fn();
  for (const a of answers) fetch.mockResolvedValueOnce(a);
  return { fetch, client: createClient({ getToken: () => 'tok', fetch }) };
}
