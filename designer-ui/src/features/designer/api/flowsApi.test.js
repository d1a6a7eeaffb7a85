import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../lib/api/client.js';
import { checkFlow, deployFlow, getFlowXml, listRoles } from './flowsApi.js';
import { answer } from '../../../lib/api/testing.js';

const rejected = {
  type: 'https://flowgate.io/problems/flow-rejected', title: 'Flow rejected', status: 422, code: 'flow-rejected',
  detail: '1 problem(s) in the flow: script tasks are not allowed',
  findings: [{ file: 'p.bpmn', element: 's1', reason: 'script tasks are not allowed' }],
};

describe('flows api', () => {
  it('checks with a dry run: the XML as body, file and dryRun in the query', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, { ok: true, flows: ['p'], warnings: [{ file: 'p.bpmn', element: 't', reason: 'inert script' }] }));
    const outcome = await checkFlow(createClient({ fetch }), '<definitions/>', 'p.bpmn');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/admin/flows?file=p.bpmn&dryRun=true');
    expect(init.method).toBe('POST');
    expect(init.headers['Content-Type']).toBe('application/xml');
    expect(init.body).toBe('<definitions/>');
    expect(outcome).toEqual({ ok: true, flows: ['p'], findings: [{ elementId: 't', reason: 'inert script', file: 'p.bpmn', severity: 'warning' }] });
  });

  it('turns a 422 flow-rejected into findings, and throws other failures', async () => {
    const client = createClient({ fetch: vi.fn().mockResolvedValue(answer(422, rejected, 'application/problem+json')) });
    const outcome = await checkFlow(client, '<x/>', 'p.bpmn');
    expect(outcome.ok).toBe(false);
    expect(outcome.findings).toEqual([{ elementId: 's1', reason: 'script tasks are not allowed', file: 'p.bpmn', severity: 'error' }]);
    const failing = createClient({ fetch: vi.fn().mockResolvedValue(answer(403, { title: 'Forbidden', status: 403 }, 'application/problem+json')) });
    await expect(checkFlow(failing, '<x/>', 'p.bpmn')).rejects.toMatchObject({ status: 403 });
  });

  it('deploys without dryRun: created (201) or unchanged (200)', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(answer(201, { deploymentId: 'd', created: true, flows: [{ key: 'p', version: 2 }], warnings: [] }))
      .mockResolvedValueOnce(answer(200, { deploymentId: 'd', created: false, flows: [{ key: 'p', version: 2 }], warnings: [] }))
      .mockResolvedValueOnce(answer(422, rejected, 'application/problem+json'));
    const client = createClient({ fetch });
    expect(await deployFlow(client, '<x/>', 'p.bpmn')).toMatchObject({ ok: true, status: 'created' });
    expect(fetch.mock.calls[0][0]).toBe('/admin/flows?file=p.bpmn');
    expect(await deployFlow(client, '<x/>', 'p.bpmn')).toMatchObject({ ok: true, status: 'unchanged' });
    const refused = await deployFlow(client, '<x/>', 'p.bpmn');
    expect(refused.ok).toBe(false);
    expect(refused.findings[0].elementId).toBe('s1');
  });

  it('reads the XML of a version as text', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, '<?xml version="1.0"?><definitions/>', 'application/xml'));
    expect(await getFlowXml(createClient({ fetch }), 'a b', 2)).toContain('<definitions/>');
    expect(fetch.mock.calls[0][0]).toBe('/admin/flows/a%20b/xml?version=2');
  });

  it('lists the known roles sorted, and none when the gateway cannot answer', async () => {
    const withRoles = vi.fn().mockResolvedValue(answer(200, { roles: ['ops', 'admin'] }));
    expect(await listRoles(createClient({ fetch: withRoles }))).toEqual(['admin', 'ops']);

    const nothing = vi.fn().mockResolvedValue(answer(500, { title: 'Internal error', status: 500 }, 'application/problem+json'));
    expect(await listRoles(createClient({ fetch: nothing }))).toEqual([]);
  });
});
