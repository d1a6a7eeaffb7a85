/** Just above diagram-js' click trap (5000), so this sees a click before the trap swallows it. */
const PRIORITY = 5001;
/** diagram-js removes its trap 400 ms after a drag; stay clear of that edge. */
const TRAP_WINDOW_MS = 390;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * After a drag (dropping a shape from the palette, moving one), diagram-js swallows the next element click for
 * 400 ms, to eat the "ghost" click the browser sends for the drag's own mouse press. A click whose press started
 * after the drag ended is not that ghost: someone (or a test) clicked the next element quickly. For such a click this
 * selects the element, as a click would, instead of losing it. Ghost clicks (pressed before the drag ended) are left
 * to the trap.
 */
export default function ClickAfterDragBehavior(eventBus, selection, canvas, dragging) {
  let trapSince = null;
  let dragEndedAt = -Infinity;
  let pressedAt = -Infinity;

  eventBus.on('drag.end', PRIORITY, () => {
    dragEndedAt = now();
    trapSince = dragging.context()?.trapClick ? dragEndedAt : null;
  });

  eventBus.on('element.mousedown', PRIORITY, () => {
    pressedAt = now();
  });

  eventBus.on('element.click', PRIORITY, (event) => {
    const trapped = trapSince !== null && now() - trapSince < TRAP_WINDOW_MS;
    trapSince = null; // the trap catches one click at most
    if (!trapped || pressedAt <= dragEndedAt) return;
    if (event.originalEvent && event.originalEvent.button !== undefined && event.originalEvent.button !== 0) return;
    const element = event.element === canvas.getRootElement() ? null : event.element;
    selection.select(element);
  });
}

ClickAfterDragBehavior.$inject = ['eventBus', 'selection', 'canvas', 'dragging'];
