import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createClient } from '../../../lib/api/client.js';
import { ApiProvider } from '../../../lib/api/ApiContext.jsx';
import { RouterProvider } from '../../../lib/router/router.jsx';
import { SessionContext } from '../../../lib/session/SessionContext.js';
import { withScope } from '../../../lib/session/scope.js';
import PoliciesPage from './PoliciesPage.jsx';
import { answer } from '../../../lib/api/testing.js';

// what the gateway shows the admin of bistro: its own tenant's grants and users only
const policies = { grants: [{ subject: 'ann', role: 'finance', domain: 'bistro' }], fileGrants: [], operations: [] };

function gateway(overrides) {
  return vi.fn(async (url, init) => {
    const key = `${init.method} ${url}`;
    if (overrides[key]) return overrides[key](init);
    switch (key) {
      case 'GET /admin/policies': return answer(200, policies);
      case 'GET /admin/users': return answer(200, [{ username: 'ann', roles: ['admin'], tenant: 'bistro' }]);
      case 'GET /admin/roles': return answer(200, { roles: ['admin', 'finance', 'waiter'] });
      case 'GET /admin/contracts': return answer(200, []);
      default: return answer(500, { title: `unexpected ${key}` }, 'application/problem+json');
    }
  });
}

function renderAsTenantAdmin(fetch) {
  const session = withScope({ username: 'ann', roles: ['admin'], tenant: 'bistro' }, 'tenant-admin');
  return render(
    <RouterProvider>
      <SessionContext.Provider value={{ session }}>
        <ApiProvider value={createClient({ fetch })}><PoliciesPage /></ApiProvider>
      </SessionContext.Provider>
    </RouterProvider>,
  );
}

afterEach(cleanup);

describe('policies page for a tenant admin', () => {
  it('adds grants in its own tenant only, with the tenant fixed', async () => {
    const put = vi.fn(() => answer(200, policies));
    renderAsTenantAdmin(gateway({ 'PUT /admin/policies': put }));

    expect((await screen.findByLabelText('Tenant of grant 1')).readOnly).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Add grant' }));
    const added = screen.getByLabelText('Tenant of grant 2');
    expect(added.value).toBe('bistro');
    expect(added.readOnly).toBe(true);
    expect(screen.getByText(/grants in other tenants and in every tenant are the platform admin/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Subject of grant 2'), { target: { value: 'bea' } });
    fireEvent.change(screen.getByLabelText('Role of grant 2'), { target: { value: 'waiter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save grants' }));

    await screen.findByText(/Saved 1 grant/);
    expect(JSON.parse(put.mock.calls[0][0].body).grants.map((g) => g.domain)).toEqual(['bistro', 'bistro']);
  });

  it('creates users in its own tenant and cannot make them platform-wide', async () => {
    const post = vi.fn(() => answer(201, { username: 'bea', roles: ['waiter'], tenant: 'bistro' }));
    renderAsTenantAdmin(gateway({ 'POST /admin/users': post }));
    const form = await screen.findByRole('form', { name: 'Create a user' });
    const tenant = within(form).getByLabelText(/^Tenant/);

    expect(tenant.value).toBe('bistro');
    expect(tenant.readOnly).toBe(true);
    fireEvent.change(within(form).getByLabelText('Username'), { target: { value: 'bea' } });
    fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: 'a-secret-password' } });
    fireEvent.submit(form);

    expect(await screen.findByText('Created bea.')).toBeTruthy();
    expect(JSON.parse(post.mock.calls[0][0].body)).toMatchObject({ username: 'bea', tenant: 'bistro' });
  });
});
