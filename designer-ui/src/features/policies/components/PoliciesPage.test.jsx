import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createClient } from '../../../lib/api/client.js';
import { ApiProvider } from '../../../lib/api/ApiContext.jsx';
import { RouterProvider } from '../../../lib/router/router.jsx';
import PoliciesPage from './PoliciesPage.jsx';
import { answer } from '../../../lib/api/testing.js';

const policies = { grants: [{ subject: 'alice', role: 'finance', domain: 'downtown' }], fileGrants: [],
  operations: [{ contract: 'orders', operation: 'placeOrder', method: 'POST', path: '/orders', roles: ['customer'], public: false }] };

function gateway(overrides = {}) {
  return vi.fn(async (url, init) => {
    const key = `${init.method} ${url}`;
    if (overrides[key]) return overrides[key](init);
    switch (key) {
      case 'GET /admin/policies': return answer(200, policies);
      case 'GET /admin/users': return answer(200, [{ username: 'admin', roles: ['admin'], tenant: null }]);
      case 'GET /admin/roles': return answer(200, { roles: ['admin'] });
      case 'GET /admin/contracts': return answer(200, []);
      default: return answer(500, { title: `unexpected ${key}` }, 'application/problem+json');
    }
  });
}

function renderWith(fetch) {
  const client = createClient({ fetch });
  return render(<RouterProvider><ApiProvider value={client}><PoliciesPage /></ApiProvider></RouterProvider>);
}

afterEach(cleanup);

describe('policies page', () => {
  it('lists every role with where it is used, and saves edited grants with the controller’s body', async () => {
    const put = vi.fn(() => answer(200, { ...policies, grants: [{ subject: 'alice', role: 'ops', domain: 'downtown' }] }));
    const fetch = gateway({ 'PUT /admin/policies': put });
    renderWith(fetch);
    const roles = await screen.findByRole('region', { name: 'Roles' });
    expect(await within(roles).findByText('finance')).toBeTruthy();
    expect(within(roles).getByText('customer')).toBeTruthy();
    expect(within(roles).getByText('admin')).toBeTruthy();

    fireEvent.change(await screen.findByLabelText('Role of grant 1'), { target: { value: 'ops' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save grants' }));
    expect(await screen.findByText(/Saved 1 grant/)).toBeTruthy();
    expect(JSON.parse(put.mock.calls[0][0].body)).toEqual({ grants: [{ subject: 'alice', role: 'ops', domain: 'downtown' }] });
  });

  it('lists every problem of refused grants', async () => {
    const fetch = gateway({ 'PUT /admin/policies': () => answer(400, { type: 'https://flowgate.io/problems/invalid-grants',
      title: 'Invalid grants', status: 400, detail: '2 grants are invalid',
      errors: ['grants[0]: role must be a role name', 'grants[0]: domain must be "*"'] }, 'application/problem+json') });
    renderWith(fetch);
    fireEvent.change(await screen.findByLabelText('Tenant of grant 1'), { target: { value: 'no tenant' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save grants' }));
    expect(await screen.findByText('Invalid grants')).toBeTruthy();
    expect(screen.getByText('grants[0]: role must be a role name')).toBeTruthy();
  });

  it('creates a user and never shows the password', async () => {
    const post = vi.fn(() => answer(201, { username: 'cleo', roles: ['customer'], tenant: 'north' }));
    const fetch = gateway({ 'POST /admin/users': post });
    const { container } = renderWith(fetch);
    const form = await screen.findByRole('form', { name: 'Create a user' });
    fireEvent.change(within(form).getByLabelText('Username'), { target: { value: 'cleo' } });
    fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: 'a-secret-password' } });
    fireEvent.change(within(form).getByLabelText(/^Tenant/), { target: { value: 'north' } });
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'customer' }));
    fireEvent.submit(form);
    expect(await screen.findByText('Created cleo.')).toBeTruthy();
    expect(JSON.parse(post.mock.calls[0][0].body)).toEqual({ username: 'cleo', password: 'a-secret-password',
      roles: ['customer'], tenant: 'north' });
    expect(container.innerHTML).not.toContain('a-secret-password');
    expect(within(form).getByLabelText(/^Password/).value).toBe('');
  });
});
