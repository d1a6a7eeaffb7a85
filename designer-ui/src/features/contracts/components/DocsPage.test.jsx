import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createClient } from '../../../lib/api/client.js';
import { ApiProvider } from '../../../lib/api/ApiContext.jsx';
import { RouterProvider } from '../../../lib/router/router.jsx';
import DocsPage from './DocsPage.jsx';
import { answer } from '../../../lib/api/testing.js';
import { parse } from 'yaml';

const source = `openapi: 3.0.3
info:
  title: "<img src=x onerror=alert(1)>"
  version: 1.0.0
  description: "<script>alert(2)</script> and \`code\`"
paths:
  /pets:
    post:
      summary: "<b>bold</b>"
      x-flow-id: pets-flow
      x-required-roles: [keeper]
      x-rate-limit: {limit: 5, window: 1s, key: ip}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
      responses:
        '201': {description: created}
components:
  schemas:
    Pet: {type: object, required: [name], properties: {name: {type: string, description: "<iframe>"}}}
`;

afterEach(cleanup);

describe('docs page', () => {
  it('renders the document as text only, with the flow extensions', async () => {
    const fetch = vi.fn(async (url) => {
      if (url === '/admin/contracts/pets') return answer(200, { name: 'pets', version: 2, title: 'Pets', operations: [] });
      if (url === '/admin/contracts/pets/versions') return answer(200, [{ version: 1 }, { version: 2 }]);
      // what the gateway answers: the published document as JSON
      if (url === '/admin/contracts/pets/openapi?version=2') return answer(200, parse(source));
      return answer(500, { title: 'unexpected ' + url });
    });
    const client = createClient({ fetch });
    const { container } = render(
      <RouterProvider><ApiProvider value={client}><DocsPage name="pets" /></ApiProvider></RouterProvider>,
    );
    expect(await screen.findByText('<b>bold</b>')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(container.querySelector('img, script, iframe, b')).toBeNull();
    expect(screen.getByText('pets-flow')).toBeTruthy();
    expect(screen.getByText('keeper')).toBeTruthy();
    expect(screen.getByText('5 / 1s per ip')).toBeTruthy();
    expect(screen.getByText('name')).toBeTruthy();
    expect(screen.getByText('<iframe>')).toBeTruthy();
    expect(container.querySelector('.ct-prose code')?.textContent).toBe('code');
  });
});
