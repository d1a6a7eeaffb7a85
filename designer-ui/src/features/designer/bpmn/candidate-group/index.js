import CandidateGroupProvider from './CandidateGroupProvider.js';
import RoleDirectory from './RoleDirectory.js';

/**
 * "Candidate group (role)" for user tasks in the properties panel. No moddle descriptor of its own:
 * `camunda:candidateGroups` is defined by camunda-bpmn-moddle.
 */
export default {
  __init__: ['flowgateCandidateGroupProvider'],
  flowgateRoles: ['type', RoleDirectory],
  flowgateCandidateGroupProvider: ['type', CandidateGroupProvider],
};
