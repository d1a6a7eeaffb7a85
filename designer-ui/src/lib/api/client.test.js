import { describe, expect, it, vi } from 'vitest';
import { createClient, queryString } from './client.js';
import { ApiError } from './ApiError.js';
import { answer } from './testing.js';

describe('api client', () => {
  it('sends the bearer token and JSON bodies, and parses JSON answers', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(201, { version: 2 }));
    const client = createClient({ getToken: () => 'tok', fetch });
    const result = await client.post('/admin/things', { a: 1 }, { query: { dryRun: true, empty: '' } });
    expect(result).toEqual({ version: 2 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/admin/things?dryRun=true');
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe('Bearer tok');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"a":1}');
  });

  it('posts raw documents with their own content type', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, { unchanged: true }));
    const client = createClient({ fetch });
    await client.postText('/admin/flows', '<definitions/>', 'application/xml');
    const [, init] = fetch.mock.calls[0];
    expect(init.headers['Content-Type']).toBe('application/xml');
    expect(init.body).toBe('<definitions/>');
    expect(init.headers.Authorization).toBeUndefined();
  });

  it('turns a problem+json answer into an ApiError with type, title, detail and field', async () => {
    const problem = { type: 'https://flowgate.io/problems/invalid-request', title: 'Invalid request', status: 422,
      detail: 'amount must be positive', field: '/amount' };
    const client = createClient({ fetch: vi.fn().mockResolvedValue(answer(422, problem, 'application/problem+json')) });
    const error = await client.get('/x').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.title).toBe('Invalid request');
    expect(error.detail).toBe('amount must be positive');
    expect(error.field).toBe('/amount');
    expect(error.code).toBe('invalid-request');
    expect(error.problem).toEqual(problem);
  });

  it('reports a 401 to onUnauthorized and still rejects', async () => {
    const onUnauthorized = vi.fn();
    const client = createClient({ onUnauthorized, fetch: vi.fn().mockResolvedValue(answer(401, { title: 'Unauthorized', status: 401 })) });
    await expect(client.get('/admin/flows')).rejects.toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('gives a non-JSON error answer a title from its status and keeps a short body as detail', async () => {
    const client = createClient({ fetch: vi.fn().mockResolvedValue(answer(502, 'upstream down', 'text/plain')) });
    await expect(client.get('/x')).rejects.toMatchObject({ status: 502, title: 'status 502', detail: 'upstream down' });
  });

  it('turns a network failure into a Network error problem', async () => {
    const client = createClient({ fetch: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) });
    await expect(client.get('/x')).rejects.toMatchObject({ status: 0, title: 'Network error' });
  });

  it('returns text answers as text and an empty answer as null', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(answer(200, 'openapi: 3.0.3\n', 'application/yaml'))
      .mockResolvedValueOnce(answer(204, ''));
    const client = createClient({ fetch });
    expect(await client.get('/source', { accept: '*/*' })).toBe('openapi: 3.0.3\n');
    expect(await client.del('/thing')).toBeNull();
  });

  it('leaves empty query values out', () => {
    expect(queryString({ flow: 'a b', state: undefined, page: 0, key: null })).toBe('?flow=a+b&page=0');
    expect(queryString({})).toBe('');
  });
});
