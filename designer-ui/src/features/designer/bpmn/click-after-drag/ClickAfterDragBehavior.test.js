import { describe, expect, it, vi } from 'vitest';
import EventBus from 'diagram-js/lib/core/EventBus.js';
import { install as installClickTrap } from 'diagram-js/lib/util/ClickTrap.js';
import ClickAfterDragBehavior from './ClickAfterDragBehavior.js';

function setup({ trapClick = true } = {}) {
  const eventBus = new EventBus();
  const root = { id: 'root' };
  const selection = { select: vi.fn() };
  const defaultClick = vi.fn();
  eventBus.on('element.click', defaultClick); // stands for the selection behaviour (priority 1000)
  new ClickAfterDragBehavior(eventBus, selection, { getRootElement: () => root }, { context: () => ({ trapClick }) });
  const endDrag = () => {
    if (trapClick) installClickTrap(eventBus);
    eventBus.fire('drag.end', {});
  };
  const click = (element) => eventBus.fire('element.click', { element, originalEvent: { button: 0 } });
  const press = (element) => eventBus.fire('element.mousedown', { element, originalEvent: { button: 0 } });
  return { eventBus, selection, defaultClick, endDrag, click, press, root };
}

describe('a click right after a drag', () => {
  it('selects the element when the press came after the drop (the trap would have eaten it)', () => {
    const { selection, defaultClick, endDrag, click, press } = setup();
    endDrag();
    press({ id: 'approve' });
    click({ id: 'approve' });
    expect(selection.select).toHaveBeenCalledWith({ id: 'approve' });
    expect(defaultClick).not.toHaveBeenCalled(); // swallowed by the trap, handled here instead
  });

  it('leaves the ghost click of the drag itself to the trap', () => {
    const { selection, defaultClick, endDrag, click, press } = setup();
    press({ id: 'moved' });
    endDrag();
    click({ id: 'moved' });
    expect(selection.select).not.toHaveBeenCalled();
    expect(defaultClick).not.toHaveBeenCalled();
  });

  it('does nothing once the trap has caught its click, or when there is no trap', () => {
    const first = setup();
    first.endDrag();
    first.press({ id: 'a' });
    first.click({ id: 'a' });
    first.press({ id: 'b' });
    first.click({ id: 'b' });
    expect(first.selection.select).toHaveBeenCalledTimes(1);
    expect(first.defaultClick).toHaveBeenCalledTimes(1);

    const untrapped = setup({ trapClick: false });
    untrapped.endDrag();
    untrapped.press({ id: 'a' });
    untrapped.click({ id: 'a' });
    expect(untrapped.selection.select).not.toHaveBeenCalled();
    expect(untrapped.defaultClick).toHaveBeenCalledTimes(1);
  });

  it('clears the selection for a click on the canvas background', () => {
    const { selection, endDrag, click, press, root } = setup();
    endDrag();
    press(root);
    click(root);
    expect(selection.select).toHaveBeenCalledWith(null);
  });
});
