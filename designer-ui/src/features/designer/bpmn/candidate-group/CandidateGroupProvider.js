import { Group } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { candidateGroupEntry } from './CandidateGroupField.js';

/** After the Camunda Platform provider (500), so its "User assignment" group exists to add to. */
const LOW_PRIORITY = 400;
export const USER_ASSIGNMENT_GROUP = 'CamundaPlatform__UserAssignment';
export const OWN_GROUP = 'Flowgate__Assignment';

/**
 * Puts "Candidate group (role)" first in a user task's "User assignment" group, or — when that group is not shown
 * (e.g. a template hides it) — in a group of its own after "General".
 */
export default function CandidateGroupProvider(propertiesPanel, translate) {
  this.getGroups = function(element) {
    return function(groups) {
      if (!is(element, 'bpmn:UserTask')) return groups;
      const entry = candidateGroupEntry(element);
      const assignment = groups.find((g) => g.id === USER_ASSIGNMENT_GROUP);
      if (assignment) {
        assignment.entries = [entry, ...(assignment.entries ?? [])];
        return groups;
      }
      const own = { id: OWN_GROUP, label: translate('User assignment'), component: Group, entries: [entry], shouldOpen: true };
      const general = groups.findIndex((g) => g.id === 'general');
      groups.splice(general + 1, 0, own);
      return groups;
    };
  };

  propertiesPanel.registerProvider(LOW_PRIORITY, this);
}

CandidateGroupProvider.$inject = ['propertiesPanel', 'translate'];
