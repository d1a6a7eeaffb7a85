import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { candidateGroupOptions } from '../../model/candidateGroup.js';

export const CANDIDATE_GROUP_ENTRY_ID = 'flowgate-candidateGroup';

/** The entry the provider adds to a user task's group. */
export function candidateGroupEntry(element) {
  return { id: CANDIDATE_GROUP_ENTRY_ID, element, component: CandidateGroupField, isEdited: isSelectEntryEdited };
}

/**
 * "Candidate group (role)": a select of the known roles writing `camunda:candidateGroups` through
 * `modeling.updateProperties`, so the change is on the command stack (undo/redo) like any other edit.
 */
export function CandidateGroupField(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const translate = useService('translate');
  const roles = useService('flowgateRoles');

  const getValue = () => element.businessObject.get('camunda:candidateGroups') || '';
  const setValue = (value) => {
    modeling.updateProperties(element, { 'camunda:candidateGroups': value ? value : undefined });
  };
  const getOptions = () => candidateGroupOptions(roles.get(), getValue());

  return h(SelectEntry, {
    element,
    id,
    label: translate('Candidate group (role)'),
    description: translate('Users with this role see the task in their inbox and may claim it.'),
    getValue,
    setValue,
    getOptions,
  });
}
