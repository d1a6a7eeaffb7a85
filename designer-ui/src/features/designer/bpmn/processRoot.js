import { is } from 'bpmn-js/lib/util/ModelUtil';

/**
 * The executable process of the open diagram and the element that edits it: the root for a plain process, the first
 * participant with a process for a collaboration. `{element, process}` or null.
 */
export function findProcess(modeler) {
  const root = modeler.get('canvas').getRootElement();
  const bo = root?.businessObject;
  if (is(bo, 'bpmn:Process')) return { element: root, process: bo };
  if (is(bo, 'bpmn:Collaboration')) {
    const participant = modeler.get('elementRegistry')
      .find((e) => is(e, 'bpmn:Participant') && e.businessObject.processRef);
    if (participant) return { element: participant, process: participant.businessObject.processRef };
  }
  return null;
}

/** `{id, name}` of the process (empty strings when there is none). */
export function readProcess(modeler) {
  const found = findProcess(modeler);
  return { id: found?.process.id ?? '', name: found?.process.name ?? '' };
}

/** Changes the process id or name through modeling, so it is undoable like any edit. */
export function updateProcess(modeler, properties) {
  const found = findProcess(modeler);
  if (!found) return false;
  const modeling = modeler.get('modeling');
  if (found.element.businessObject === found.process) {
    modeling.updateProperties(found.element, properties);
  } else {
    modeling.updateModdleProperties(found.element, found.process, properties);
  }
  return true;
}
