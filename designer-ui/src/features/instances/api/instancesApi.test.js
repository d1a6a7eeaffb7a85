import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../lib/api/client.js';
import { cancelInstance, listFlowKeys, listInstances, readFlowXml, readInstance, retryIncident } from './instancesApi.js';
import { filtersFromQuery } from './instanceQuery.js';
import { answer } from '../../../lib/api/testing.js';

function fakeApi(...answers) {
  const fetch = vi.fn();
  for (const a of answers) fetch.mockResolvedValueOnce(a);
  return { api: createClient({ getToken: () => 'tok', fetch }), fetch };
}

describe('instances API', () => {
  it('lists a page of instances with the filters as query parameters', async () => {
    const page = { items: [{ id: 'i-1', state: 'WAITING' }], page: 1, size: 20, total: 21 };
    const { api, fetch } = fakeApi(answer(200, page));
    const result = await listInstances(api, filtersFromQuery({ flow: 'refund-approval', state: 'WAITING', from: '2026-11-01', page: '1', size: '20' }));
    expect(result).toEqual(page);
    const [url, init] = fetch.mock.calls[0];
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/admin/instances');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      flow: 'refund-approval', state: 'WAITING', startedAfter: new Date(2026, 10, 1).toISOString(), page: '1', size: '20',
    });
    expect(init.headers.Authorization).toBe('Bearer tok');
  });

  it('reads one instance and fills in missing lists', async () => {
    const { api, fetch } = fakeApi(answer(200, { id: 'a/b', state: 'COMPLETED', activities: [] }));
    const details = await readInstance(api, 'a/b');
    expect(fetch.mock.calls[0][0]).toBe('/admin/instances/a%2Fb');
    expect(details).toMatchObject({ id: 'a/b', history: [], incidents: [], variables: {} });
  });

  it('cancels with an optional reason', async () => {
    const { api, fetch } = fakeApi(answer(200, { id: 'i-1', state: 'CANCELLED' }), answer(200, { id: 'i-1', state: 'CANCELLED' }));
    expect(await cancelInstance(api, 'i-1', '  duplicate order ')).toMatchObject({ state: 'CANCELLED' });
    await cancelInstance(api, 'i-1', '   ');
    expect(fetch.mock.calls[0][0]).toBe('/admin/instances/i-1/cancel');
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'POST', body: '{"reason":"duplicate order"}' });
    expect(fetch.mock.calls[1][1].body).toBe('{}');
  });

  it('retries an incident (202 without body)', async () => {
    const { api, fetch } = fakeApi(answer(202, null));
    expect(await retryIncident(api, 'inc-1')).toBeNull();
    expect(fetch.mock.calls[0][0]).toBe('/admin/incidents/inc-1/retry');
    expect(fetch.mock.calls[0][1].method).toBe('POST');
  });

  it('reads the BPMN XML of a flow version as text', async () => {
    const { api, fetch } = fakeApi(answer(200, '<?xml version="1.0"?><definitions/>', 'application/xml'));
    expect(await readFlowXml(api, 'refund-approval', 3)).toBe('<?xml version="1.0"?><definitions/>');
    expect(fetch.mock.calls[0][0]).toBe('/admin/flows/refund-approval/xml?version=3');
    expect(fetch.mock.calls[0][1].headers.Accept).toMatch(/application\/xml/);
  });

  it('passes the problem of a failed call on', async () => {
    const problem = { type: 'https://flowgate.io/problems/instance-not-found', title: 'Instance not found', status: 404, detail: 'no instance x' };
    const { api } = fakeApi(answer(404, problem, 'application/problem+json'));
    await expect(readInstance(api, 'x')).rejects.toMatchObject({ status: 404, title: 'Instance not found', code: 'instance-not-found' });
  });

  it('lists flow keys and names for the filter', async () => {
    const { api } = fakeApi(answer(200, [{ key: 'refund-approval', name: 'Refund approval', versions: [] }, { key: 'x' }]));
    expect(await listFlowKeys(api)).toEqual([{ key: 'refund-approval', name: 'Refund approval' }, { key: 'x', name: 'x' }]);
  });
});
