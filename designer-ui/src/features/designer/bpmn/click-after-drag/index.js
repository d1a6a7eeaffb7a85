import ClickAfterDragBehavior from './ClickAfterDragBehavior.js';

/** A quick click right after a drop selects the clicked element instead of being swallowed. */
export default {
  __init__: ['flowgateClickAfterDrag'],
  flowgateClickAfterDrag: ['type', ClickAfterDragBehavior],
};
