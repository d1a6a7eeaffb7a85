import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createClient } from '../../../lib/api/client.js';
import { ApiProvider } from '../../../lib/api/ApiContext.jsx';
import { RouterProvider } from '../../../lib/router/router.jsx';
import { SessionContext } from '../../../lib/session/SessionContext.js';
import { withScope } from '../../../lib/session/scope.js';
import PoliciesPage from './PoliciesPage.jsx';
import { answer } from '../../../lib/api/testing.js';

const problem = (status, body) => answer(status, { status, ...body }, 'application/problem+json');

/**
 * A gateway whose users change as the gateway would change them: `PUT {disabled}` flips the flag, so a refreshed
 * list shows it. `overrides` answer a request instead (`'PUT /admin/users/bea': (init) => answer(…)`).
 */
function gateway(users, overrides = {}) {
  let current = users.map((u) => ({ ...u }));
  return vi.fn(async (url, init) => {
    const key = `${init.method} ${url}`;
    if (overrides[key]) return overrides[key](init);
    const put = key.match(/^PUT \/admin\/users\/([^/]+)$/);
    if (put) {
      const name = decodeURIComponent(put[1]);
      current = current.map((u) => (u.username === name ? { ...u, ...JSON.parse(init.body) } : u));
      return answer(200, current.find((u) => u.username === name));
    }
    if (/^POST \/admin\/users\/[^/]+\/revoke-tokens$/.test(key)) return answer(204, null);
    switch (key) {
      case 'GET /admin/policies': return answer(200, { grants: [], fileGrants: [], operations: [] });
      case 'GET /admin/users': return answer(200, current);
      case 'GET /admin/roles': return answer(200, { roles: ['admin', 'waiter'] });
      case 'GET /admin/contracts': return answer(200, []);
      default: return problem(500, { title: `unexpected ${key}` });
    }
  });
}

const ADMIN = { username: 'admin', roles: ['admin'], tenant: null, disabled: false };
const BEA = { username: 'bea', roles: ['waiter'], tenant: 'bistro', disabled: false };
const CLEO = { username: 'cleo', roles: ['waiter'], tenant: 'bistro', disabled: true };

function renderWith(fetch, session = null) {
  const page = (
    <RouterProvider>
      <ApiProvider value={createClient({ fetch })}><PoliciesPage /></ApiProvider>
    </RouterProvider>
  );
  return render(session ? <SessionContext.Provider value={session}>{page}</SessionContext.Provider> : page);
}

const calls = (fetch, pattern) => fetch.mock.calls.filter(([url, init]) => pattern.test(`${init.method} ${url}`));
const usersTable = async () => within((await screen.findByRole('heading', { name: 'Users' })).closest('section'))
  .findByRole('table');
const rowOf = async (username) => within(await usersTable()).getByText(username, { selector: 'code' }).closest('tr');

afterEach(cleanup);

describe('users panel: disabled users, disable / enable, sign out everywhere', () => {
  it('marks a disabled user in words, in a Status column', async () => {
    renderWith(gateway([BEA, CLEO]));
    const table = await usersTable();
    expect(within(table).getByRole('columnheader', { name: 'Status' })).toBeTruthy();
    expect(within(await rowOf('cleo')).getByText('Disabled')).toBeTruthy();
    expect(within(await rowOf('bea')).queryByText('Disabled')).toBeNull();
    expect(within(await rowOf('bea')).getByText('Active')).toBeTruthy();
    // what can be done follows: a disabled user is enabled, an active one disabled
    expect(screen.getByRole('button', { name: 'Enable cleo' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Disable cleo' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Disable bea' })).toBeTruthy();
  });

  it('disables a user after asking why it matters, sends only {disabled: true}, and refreshes the list', async () => {
    const fetch = gateway([BEA]);
    renderWith(fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Disable bea' }));
    const question = screen.getByRole('group', { name: /Disable bea\?/ });
    expect(question.textContent).toContain('signs the user out everywhere and blocks sign-in');
    expect(calls(fetch, /^PUT /)).toHaveLength(0);
    const listed = calls(fetch, /^GET \/admin\/users$/).length;

    fireEvent.click(within(question).getByRole('button', { name: 'Yes, disable' }));

    expect(await screen.findByText(/^Disabled bea: signed out everywhere/)).toBeTruthy();
    const [[url, init]] = calls(fetch, /^PUT /);
    expect(url).toBe('/admin/users/bea');
    expect(JSON.parse(init.body)).toEqual({ disabled: true });
    expect(await within(await rowOf('bea')).findByText('Disabled')).toBeTruthy();
    expect(calls(fetch, /^GET \/admin\/users$/).length).toBe(listed + 1);
  });

  it('enables a disabled user again with {disabled: false} and refreshes the list', async () => {
    const fetch = gateway([CLEO]);
    renderWith(fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Enable cleo' }));
    fireEvent.click(within(screen.getByRole('group', { name: /Enable cleo again\?/ }))
      .getByRole('button', { name: 'Yes, enable' }));

    expect(await screen.findByText('Enabled cleo: sign-in works again.')).toBeTruthy();
    const [[url, init]] = calls(fetch, /^PUT /);
    expect(url).toBe('/admin/users/cleo');
    expect(JSON.parse(init.body)).toEqual({ disabled: false });
    expect(await within(await rowOf('cleo')).findByText('Active')).toBeTruthy();
  });

  it('signs a user out everywhere with POST …/revoke-tokens, showing it busy meanwhile', async () => {
    let finish;
    const revoke = vi.fn(() => new Promise((resolve) => { finish = () => resolve(answer(204, null)); }));
    const fetch = gateway([BEA], { 'POST /admin/users/bea/revoke-tokens': revoke });
    renderWith(fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out bea everywhere' }));
    const question = screen.getByRole('group', { name: /Sign bea out everywhere\?/ });
    const listed = calls(fetch, /^GET \/admin\/users$/).length;
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, sign out' }));

    const busy = await within(question).findByRole('button', { name: 'Signing out…' });
    expect(busy.disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Delete bea' }).disabled).toBe(true);
    finish();

    expect(await screen.findByText(/^Signed bea out everywhere/)).toBeTruthy();
    expect(revoke).toHaveBeenCalledTimes(1);
    expect(revoke.mock.calls[0][0].body).toBeUndefined();
    expect(calls(fetch, /^PUT /)).toHaveLength(0);
    expect(calls(fetch, /^GET \/admin\/users$/).length).toBe(listed + 1);
    expect(screen.getByRole('button', { name: 'Delete bea' }).disabled).toBe(false);
  });

  it('shows the gateway’s refusal with its detail under the user and keeps the panel working', async () => {
    const detail = "'admin' is the last platform admin (role admin, no tenant); make another user platform admin first";
    const fetch = gateway([ADMIN, BEA], {
      'PUT /admin/users/admin': () => problem(409, { type: 'https://flowgate.io/problems/last-platform-admin',
        title: 'Conflict', detail, username: 'admin' }),
    });
    renderWith(fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Disable admin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, disable' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Conflict')).toBeTruthy();
    expect(within(alert).getByText(detail)).toBeTruthy();
    // the refusal sits right under the admin's row, which still says Active and can be tried again
    expect((await rowOf('admin')).nextElementSibling.contains(alert)).toBe(true);
    expect(within(await rowOf('admin')).getByText('Active')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Disable admin' }).disabled).toBe(false);
    expect(screen.getByRole('button', { name: 'Disable bea' })).toBeTruthy();
    expect(screen.queryByText(/^Disabled /)).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns before disabling one’s own account and signs out with the reason once the gateway agreed', async () => {
    const fetch = gateway([ADMIN, { ...BEA, roles: ['admin'] }]);
    const logout = vi.fn();
    const session = withScope({ username: 'bea', roles: ['admin'], tenant: 'bistro' }, 'tenant-admin');
    renderWith(fetch, { session, logout });
    fireEvent.click(await screen.findByRole('button', { name: 'Disable bea' }));
    const question = screen.getByRole('group', { name: /^Disable your own account\?/ });
    expect(question.textContent).toContain('this console included');
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, disable' }));

    await vi.waitFor(() => expect(logout).toHaveBeenCalledTimes(1));
    expect(logout.mock.calls[0][0]).toMatch(/^You disabled your own account/);
    expect(JSON.parse(calls(fetch, /^PUT /)[0][1].body)).toEqual({ disabled: true });
  });
});
