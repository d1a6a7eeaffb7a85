import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createClient } from '../../../lib/api/client.js';
import { ApiProvider } from '../../../lib/api/ApiContext.jsx';
import { RouterProvider } from '../../../lib/router/router.jsx';
import { SessionContext } from '../../../lib/session/SessionContext.js';
import { withScope } from '../../../lib/session/scope.js';
import PublishPage from './PublishPage.jsx';

afterEach(cleanup);

describe('publish page for a tenant admin', () => {
  it('offers neither check nor publish and says why, without calling the gateway', () => {
    const fetch = vi.fn();
    const session = withScope({ username: 'ann', roles: ['admin'], tenant: 'bistro' }, 'tenant-admin');
    render(
      <RouterProvider>
        <SessionContext.Provider value={{ session }}>
          <ApiProvider value={createClient({ fetch })}><PublishPage /></ApiProvider>
        </SessionContext.Provider>
      </RouterProvider>,
    );
    fireEvent.change(screen.getByLabelText('Contract document'), { target: { value: 'openapi: 3.0.3\n' } });

    expect(screen.getByRole('button', { name: 'Check' }).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Publish' }).disabled).toBe(true);
    expect(screen.getByRole('note').textContent).toContain('Only the platform admin can check and publish contracts');
    fireEvent.submit(screen.getByLabelText('Contract document').closest('form'));
    expect(fetch).not.toHaveBeenCalled();
  });
});
