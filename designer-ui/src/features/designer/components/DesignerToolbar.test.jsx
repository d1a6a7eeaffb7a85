import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RouterProvider } from '../../../lib/router/router.jsx';
import { DesignerToolbar } from './DesignerToolbar.jsx';

afterEach(cleanup);

function toolbar(deployBlocked) {
  const noop = vi.fn();
  render(
    <RouterProvider>
      <DesignerToolbar title="Approval" isNew processInfo={{ id: 'approval', name: 'Approval' }} onProcessChange={noop}
                       history={{ canUndo: false, canRedo: false, dirty: true }} ready busy={null}
                       commands={{ undo: noop, redo: noop, fit: noop }} onCheck={noop} onDeploy={noop}
                       deployBlocked={deployBlocked} onImportFile={noop} onDownload={noop} />
    </RouterProvider>,
  );
}

describe('designer toolbar', () => {
  it('offers check and deploy to the platform admin', () => {
    toolbar(null);
    expect(screen.getByRole('button', { name: 'Deploy' }).disabled).toBe(false);
    expect(screen.getByRole('button', { name: 'Check' }).disabled).toBe(false);
  });

  it('disables check and deploy for a tenant admin, with the reason on them', () => {
    toolbar('Only the platform admin can check and deploy flows: every tenant shares them.');
    for (const name of ['Check', 'Deploy']) {
      const button = screen.getByRole('button', { name });
      expect(button.disabled).toBe(true);
      expect(button.title).toContain('Only the platform admin can check and deploy flows');
    }
    expect(screen.getByRole('button', { name: 'Download BPMN' }).disabled).toBe(false);
  });
});
