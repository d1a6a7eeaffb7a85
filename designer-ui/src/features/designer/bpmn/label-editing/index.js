import UnchangedLabelGuard from './UnchangedLabelGuard.js';

/** The label editor writes nothing when its text did not change (see UnchangedLabelGuard). */
export default {
  __init__: ['flowgateUnchangedLabelGuard'],
  flowgateUnchangedLabelGuard: ['type', UnchangedLabelGuard],
};
