import { describe, expect, it, vi } from 'vitest';
import UnchangedLabelGuard from './UnchangedLabelGuard.js';

function editor(context, value) {
  const update = vi.fn();
  const directEditing = {
    _active: { context },
    getValue: () => value,
    cancel: vi.fn(),
    complete() { update(this.getValue()); },
  };
  new UnchangedLabelGuard(directEditing);
  return { directEditing, update };
}

describe('the label editor guard', () => {
  it('cancels instead of writing when the text did not change', () => {
    const { directEditing, update } = editor({ text: undefined, bounds: {} }, '');
    directEditing.complete();
    expect(directEditing.cancel).toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
  });

  it('writes typed text', () => {
    const { directEditing, update } = editor({ text: 'Old' }, 'New');
    directEditing.complete();
    expect(update).toHaveBeenCalledWith('New');
    expect(directEditing.cancel).not.toHaveBeenCalled();
  });

  it('keeps resizable boxes (text annotations) as they were: their size is an edit', () => {
    const { directEditing, update } = editor({ text: 'Note', options: { resizable: true } }, 'Note');
    directEditing.complete();
    expect(update).toHaveBeenCalled();
  });

  it('does nothing special when the editor is not open', () => {
    const { directEditing, update } = editor(null, '');
    directEditing._active = null;
    directEditing.complete();
    expect(update).toHaveBeenCalled();
  });
});
