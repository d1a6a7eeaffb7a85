import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App } from './App.jsx';
import { answer } from '../lib/api/testing.js';

function jwt(claims, lifetimeSeconds = 900) {
  const b64 = (o) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  // by default a quarter of an hour, as the gateway issues them
  const exp = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  return `${b64({ alg: 'HS256' })}.${b64({ exp, ...claims })}.sig`;
}

/** Signs in with this token and answers the gateway's calls from the table (anything else: 500). */
function signedIn(token, calls) {
  sessionStorage.setItem('flowgate.session', token);
  const fetch = vi.fn(async (url, init) => {
    const reply = calls[`${init.method} ${url}`];
    return reply ? reply() : answer(500, { title: `unexpected ${init.method} ${url}` }, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function at(path) {
  window.history.replaceState(null, '', `/ui${path}`);
}

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the console for each admin scope', () => {
  it('shows a tenant admin the admin screens and says why it cannot publish, instead of a failing button', async () => {
    at('/contracts');
    signedIn(jwt({ sub: 'ann', roles: ['admin'], tenant: 'bistro' }), {
      'GET /auth/me': () => answer(200, { username: 'ann', tenant: 'bistro', roles: ['admin'], scope: 'tenant-admin' }),
      'GET /admin/contracts': () => answer(200, []),
    });
    render(<App />);

    expect(await screen.findByText('admin of bistro')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Contracts' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Policies' })).toBeTruthy();
    expect(await screen.findByRole('note')).toHaveProperty('textContent',
      'Only the platform admin can publish contracts: every tenant shares them. You administer tenant bistro.');
    expect(screen.queryByRole('link', { name: 'Publish a contract' })).toBeNull();
  });

  it('believes the gateway when a grant makes an admin the token does not show', async () => {
    at('/contracts');
    signedIn(jwt({ sub: 'lead', roles: ['ops-lead'] }), {
      'GET /auth/me': () => answer(200, { username: 'lead', roles: ['ops-lead'], scope: 'platform-admin' }),
      'GET /admin/contracts': () => answer(200, []),
    });
    render(<App />);

    expect(await screen.findByText('platform admin')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Publish a contract' })).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('falls back on the token’s claims when the gateway cannot say', async () => {
    at('/tasks');
    signedIn(jwt({ sub: 'cleo', roles: ['waiter'], tenant: 'bistro' }), {
      'GET /auth/me': () => answer(503, { title: 'Unavailable' }, 'application/problem+json'),
      'GET /api/tasks': () => answer(200, []),
      'GET /api/tasks/history?limit=50': () => answer(200, []),
    });
    render(<App />);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Tasks' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Contracts' })).toBeNull();
  });
});

describe('the session timer', () => {
  it('keeps a user signed in whose token lives longer than setTimeout can count', async () => {
    at('/tasks');
    // an identity provider's token valid for 30 days: past the 24.8 days a browser timer can wait
    signedIn(jwt({ sub: 'cleo', roles: ['waiter'], tenant: 'bistro' }, 30 * 24 * 3600), {
      'GET /auth/me': () => answer(200, { username: 'cleo', tenant: 'bistro', roles: ['waiter'], scope: 'authenticated' }),
      'GET /api/tasks': () => answer(200, []),
      'GET /api/tasks/history?limit=50': () => answer(200, []),
    });
    render(<App />);

    await screen.findByRole('navigation', { name: 'Main' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.queryByText('Your session expired. Sign in again.')).toBeNull();
  });
});
