import { describe, expect, it } from 'vitest';
import {
  contentTypeFor, getDiff, getOpenApi, getSource, listContracts, publishContract, unpublish,
} from './contractsApi.js';
import { answer, fakeGateway } from '../../../lib/api/testing.js';

const routeNotFound = () => answer(404, { type: 'https://flowgate.io/problems/route-not-found', title: 'Not Found',
  status: 404, detail: 'no published contract declares GET …', code: 'route-not-found' }, 'application/problem+json');

const findings = [{ contract: 'pets', operation: 'POST /pets', method: 'POST', path: '/pets', operationId: 'addPet',
  reason: "x-flow-id 'nope' names no deployed flow" }];

describe('contracts api', () => {
  it('lists contracts with the token', async () => {
    const { fetch, client } = fakeGateway(answer(200, [{ name: 'a' }]));
    expect(await listContracts(client)).toEqual([{ name: 'a' }]);
    expect(fetch.mock.calls[0][0]).toBe('/admin/contracts');
    expect(fetch.mock.calls[0][1].headers.Authorization).toBe('Bearer tok');
  });

  it('checks a YAML document as a dry run with the name override', async () => {
    const report = { ok: true, created: false, name: 'pets', unrouted: [], findings: [] };
    const { fetch, client } = fakeGateway(answer(200, report));
    const result = await publishContract(client, 'openapi: 3.0.3\n', { name: ' pets ', dryRun: true });
    expect(result).toEqual({ outcome: 'checked', report });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/admin/contracts?name=pets&dryRun=true');
    expect(init.method).toBe('POST');
    expect(init.headers['Content-Type']).toBe('application/yaml');
    expect(init.body).toBe('openapi: 3.0.3\n');
  });

  it('reports a dry run with findings as check-failed', async () => {
    const { client } = fakeGateway(answer(200, { ok: false, created: false, findings, unrouted: [] }));
    expect((await publishContract(client, '{}', { dryRun: true })).outcome).toBe('check-failed');
  });

  it('tells a new version from an unchanged one, sending JSON as JSON', async () => {
    const { fetch, client } = fakeGateway(answer(201, { ok: true, created: true, name: 'pets', version: 2 }),
      answer(200, { ok: true, created: false, name: 'pets', version: 2 }));
    expect((await publishContract(client, '{"openapi":"3.1.0"}')).outcome).toBe('created');
    expect((await publishContract(client, 'x: 1', { fileName: 'pets.json' })).outcome).toBe('unchanged');
    expect(fetch.mock.calls[0][0]).toBe('/admin/contracts');
    expect(fetch.mock.calls[0][1].headers['Content-Type']).toBe('application/json');
    expect(fetch.mock.calls[1][1].headers['Content-Type']).toBe('application/json');
  });

  it('turns a 422 contract-rejected problem into a rejected report with its findings', async () => {
    const problem = { type: 'https://flowgate.io/problems/contract-rejected', title: 'Contract rejected', status: 422,
      detail: "contract 'pets' has 1 problem(s)", code: 'contract-rejected', contract: 'pets', findings };
    const { client } = fakeGateway(answer(422, problem, 'application/problem+json'));
    const result = await publishContract(client, 'openapi: 3.0.3');
    expect(result).toEqual({ outcome: 'rejected', report: { ok: false, created: false, name: 'pets', findings,
      unrouted: [], detail: "contract 'pets' has 1 problem(s)" } });
  });

  it('throws other failures as the problem they are', async () => {
    const { client } = fakeGateway(answer(400, { title: 'Bad Request', status: 400, detail: 'send the OpenAPI document' },
      'application/problem+json'));
    await expect(publishContract(client, ' ')).rejects.toMatchObject({ status: 400, detail: 'send the OpenAPI document' });
  });

  it('reads a version source as text, and a JSON source re-indented', async () => {
    const { fetch, client } = fakeGateway(answer(200, 'openapi: 3.0.3\n', 'text/plain'),
      answer(200, '{"openapi":"3.1.0"}', 'text/plain'));
    expect(await getSource(client, 'my pets', 2)).toBe('openapi: 3.0.3\n');
    expect(fetch.mock.calls[0][0]).toBe('/admin/contracts/my%20pets/versions/2/source');
    expect(await getSource(client, 'p', 1)).toBe('{\n  "openapi": "3.1.0"\n}');
  });

  it('asks for a diff between two versions', async () => {
    const diff = { name: 'p', from: 1, to: 2, breaking: false, added: [], removed: [], changed: [] };
    const { fetch, client } = fakeGateway(answer(200, diff));
    expect(await getDiff(client, 'p', 1, 2)).toEqual(diff);
    expect(fetch.mock.calls[0][0]).toBe('/admin/contracts/p/diff?from=1&to=2');
  });

  it('reports a missing diff endpoint as the gateway’s problem', async () => {
    const { client } = fakeGateway(routeNotFound());
    await expect(getDiff(client, 'p', 1, 2)).rejects.toMatchObject({ status: 404, code: 'route-not-found' });
  });

  it('reads the OpenAPI document of a version from the gateway', async () => {
    const inlined = { openapi: '3.0.3', info: { title: 'P' }, paths: {} };
    const gw = fakeGateway(answer(200, inlined));
    expect(await getOpenApi(gw.client, 'p', 3)).toEqual(inlined);
    expect(gw.fetch.mock.calls[0][0]).toBe('/admin/contracts/p/openapi?version=3');
  });

  it('reports a contract that is not found as the gateway said', async () => {
    const { client, fetch } = fakeGateway(answer(404, { title: 'Contract not found', status: 404,
      type: 'https://flowgate.io/problems/contract-not-found', code: 'contract-not-found' }, 'application/problem+json'));
    await expect(getOpenApi(client, 'gone', 1)).rejects.toMatchObject({ title: 'Contract not found' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('unpublishes with DELETE', async () => {
    const { fetch, client } = fakeGateway(answer(204, ''));
    expect(await unpublish(client, 'pets')).toBeNull();
    expect(fetch.mock.calls[0]).toMatchObject(['/admin/contracts/pets', { method: 'DELETE' }]);
  });

  it('picks the content type from the file name, else from the first character', () => {
    expect(contentTypeFor('openapi: 3.0.3', 'a.yml')).toBe('application/yaml');
    expect(contentTypeFor('  {"a":1}')).toBe('application/json');
    expect(contentTypeFor('a: 1')).toBe('application/yaml');
  });
});
