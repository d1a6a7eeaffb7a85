import { escapeXml } from './xml.js';

/** How long the engine keeps the history of finished instances of a new flow (ISO-8601 period). */
export const DEFAULT_HISTORY_TIME_TO_LIVE = 'P30D';

/** The ids of the blank approval's elements, for tests and for the designer to point at them. */
export const APPROVAL_IDS = Object.freeze({
  start: 'requested',
  approve: 'approve',
  gateway: 'approvedGateway',
  approvedEnd: 'approvedEnd',
  rejectedEnd: 'rejectedEnd',
  toApprove: 'toApprove',
  toDecision: 'toDecision',
  approvedFlow: 'approvedFlow',
  rejectedFlow: 'rejectedFlow',
});

/**
 * Prefers a role that sounds like it approves things, then any role but admin; '' when there is none (the designer
 * then asks for one in the properties panel).
 */
export function pickApproverRole(roles = []) {
  const usable = roles.filter((r) => typeof r === 'string' && r && r !== 'admin');
  return usable.find((r) => /approv|manager|supervisor|lead/i.test(r)) ?? usable[0] ?? '';
}

/**
 * The blank approval a new flow starts from: start → user task "Approve" (claimed by `candidateGroup`) → exclusive
 * gateway on `${approved}` → end "Approved" / end "Rejected". Executable, with camunda:historyTimeToLive, and
 * nothing the deploy checks refuse (no scripts, no Java delegates, expressions that only read a variable). The
 * flows into and out of "Approve" leave room to drop more steps onto them.
 *
 * @param {{processId: string, name?: string, candidateGroup?: string, historyTimeToLive?: string}} options
 */
export function approvalTemplateXml({
  processId,
  name = 'Approval',
  candidateGroup = '',
  historyTimeToLive = DEFAULT_HISTORY_TIME_TO_LIVE,
} = {}) {
  if (!processId) throw new Error('approvalTemplateXml needs a processId');
  const id = escapeXml(processId);
  const ids = APPROVAL_IDS;
  const group = candidateGroup ? ` camunda:candidateGroups="${escapeXml(candidateGroup)}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="flowgate-definitions" targetNamespace="https://flowgate.io/flows">
  <bpmn:process id="${id}" name="${escapeXml(name)}" isExecutable="true" camunda:historyTimeToLive="${escapeXml(historyTimeToLive)}">
    <bpmn:startEvent id="${ids.start}" name="Requested">
      <bpmn:outgoing>${ids.toApprove}</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="${ids.approve}" name="Approve"${group}>
      <bpmn:incoming>${ids.toApprove}</bpmn:incoming>
      <bpmn:outgoing>${ids.toDecision}</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="${ids.gateway}" name="Approved?">
      <bpmn:incoming>${ids.toDecision}</bpmn:incoming>
      <bpmn:outgoing>${ids.approvedFlow}</bpmn:outgoing>
      <bpmn:outgoing>${ids.rejectedFlow}</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:endEvent id="${ids.approvedEnd}" name="Approved">
      <bpmn:incoming>${ids.approvedFlow}</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:endEvent id="${ids.rejectedEnd}" name="Rejected">
      <bpmn:incoming>${ids.rejectedFlow}</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="${ids.toApprove}" sourceRef="${ids.start}" targetRef="${ids.approve}" />
    <bpmn:sequenceFlow id="${ids.toDecision}" sourceRef="${ids.approve}" targetRef="${ids.gateway}" />
    <bpmn:sequenceFlow id="${ids.approvedFlow}" name="yes" sourceRef="${ids.gateway}" targetRef="${ids.approvedEnd}">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${approved}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="${ids.rejectedFlow}" name="no" sourceRef="${ids.gateway}" targetRef="${ids.rejectedEnd}">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${!approved}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${id}-diagram">
    <bpmndi:BPMNPlane id="${id}-plane" bpmnElement="${id}">
      <bpmndi:BPMNShape id="${ids.start}_di" bpmnElement="${ids.start}">
        <dc:Bounds x="180" y="222" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${ids.approve}_di" bpmnElement="${ids.approve}">
        <dc:Bounds x="520" y="200" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${ids.gateway}_di" bpmnElement="${ids.gateway}" isMarkerVisible="true">
        <dc:Bounds x="800" y="215" width="50" height="50" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${ids.approvedEnd}_di" bpmnElement="${ids.approvedEnd}">
        <dc:Bounds x="940" y="222" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${ids.rejectedEnd}_di" bpmnElement="${ids.rejectedEnd}">
        <dc:Bounds x="940" y="332" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="${ids.toApprove}_di" bpmnElement="${ids.toApprove}">
        <di:waypoint x="216" y="240" />
        <di:waypoint x="520" y="240" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="${ids.toDecision}_di" bpmnElement="${ids.toDecision}">
        <di:waypoint x="620" y="240" />
        <di:waypoint x="800" y="240" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="${ids.approvedFlow}_di" bpmnElement="${ids.approvedFlow}">
        <di:waypoint x="850" y="240" />
        <di:waypoint x="940" y="240" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="${ids.rejectedFlow}_di" bpmnElement="${ids.rejectedFlow}">
        <di:waypoint x="825" y="265" />
        <di:waypoint x="825" y="350" />
        <di:waypoint x="940" y="350" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
