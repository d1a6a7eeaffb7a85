import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createClient } from '../../../lib/api/client.js';
import { ApiProvider } from '../../../lib/api/ApiContext.jsx';
import { RouterProvider } from '../../../lib/router/router.jsx';
import PublishPage from './PublishPage.jsx';
import { answer } from '../../../lib/api/testing.js';

function renderWith(fetch) {
  const client = createClient({ getToken: () => 'tok', fetch });
  return render(<RouterProvider><ApiProvider value={client}><PublishPage /></ApiProvider></RouterProvider>);
}

afterEach(cleanup);

describe('publish page', () => {
  it('checks first (dry run) and shows the report, then publishes and shows the new version', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(answer(200, { ok: true, created: false, name: 'pets', version: 0, unrouted: ['GET /pets (listPets)'],
        findings: [], operations: [{ method: 'GET', path: '/pets', operationId: 'listPets', routed: false }] }))
      .mockResolvedValueOnce(answer(201, { ok: true, created: true, name: 'pets', version: 3, unrouted: [], findings: [] }));
    renderWith(fetch);
    expect(screen.getByRole('button', { name: 'Check' }).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Contract document'), { target: { value: 'openapi: 3.0.3\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('heading', { name: 'Check report' })).toBeTruthy();
    expect(screen.getByText('Ready to publish')).toBeTruthy();
    expect(screen.getByText('GET /pets (listPets)')).toBeTruthy();
    expect(fetch.mock.calls[0][0]).toBe('/admin/contracts?dryRun=true');

    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published pets version 3')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Publish report' })).toBeTruthy();
    expect(fetch.mock.calls[1][0]).toBe('/admin/contracts');
  });

  it('shows the findings of a refused publish with where they point', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(422, { type: 'https://flowgate.io/problems/contract-rejected',
      title: 'Contract rejected', status: 422, detail: "contract 'pets' has 1 problem(s)", contract: 'pets',
      findings: [{ contract: 'pets', method: 'POST', path: '/pets', operationId: 'addPet', operation: 'POST /pets',
        reason: "x-flow-id 'nope' names no deployed flow" }] }, 'application/problem+json'));
    renderWith(fetch);
    fireEvent.change(screen.getByLabelText('Contract document'), { target: { value: 'openapi: 3.0.3\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Rejected: nothing was published')).toBeTruthy();
    expect(screen.getByText('POST /pets (addPet)')).toBeTruthy();
    expect(screen.getByText("x-flow-id 'nope' names no deployed flow")).toBeTruthy();
  });

  it('shows any other failure as the problem’s title and detail', async () => {
    const fetch = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    renderWith(fetch);
    fireEvent.change(screen.getByLabelText('Contract document'), { target: { value: 'x: 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Network error')).toBeTruthy();
  });
});
