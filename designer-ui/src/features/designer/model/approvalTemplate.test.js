import { describe, expect, it } from 'vitest';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { APPROVAL_IDS, approvalTemplateXml, DEFAULT_HISTORY_TIME_TO_LIVE, pickApproverRole } from './approvalTemplate.js';

async function parse(xml) {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, warnings };
}

function byId(process, id) {
  return process.flowElements.find((e) => e.id === id);
}

describe('the blank approval template', () => {
  it('parses without warnings into an executable process with history time to live', async () => {
    const { definitions, warnings } = await parse(approvalTemplateXml({ processId: 'leave-request', name: 'Leave request', candidateGroup: 'store-manager' }));
    expect(warnings).toEqual([]);
    const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
    expect(process.id).toBe('leave-request');
    expect(process.name).toBe('Leave request');
    expect(process.isExecutable).toBe(true);
    expect(process.get('camunda:historyTimeToLive')).toBe(DEFAULT_HISTORY_TIME_TO_LIVE);
  });

  it('has start → Approve (candidate group) → gateway on ${approved} → approved / rejected ends', async () => {
    const { definitions } = await parse(approvalTemplateXml({ processId: 'p1', candidateGroup: 'store-manager' }));
    const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
    const types = process.flowElements.map((e) => e.$type).sort();
    expect(types).toEqual(['bpmn:EndEvent', 'bpmn:EndEvent', 'bpmn:ExclusiveGateway', 'bpmn:SequenceFlow', 'bpmn:SequenceFlow',
      'bpmn:SequenceFlow', 'bpmn:SequenceFlow', 'bpmn:StartEvent', 'bpmn:UserTask']);

    const approve = byId(process, APPROVAL_IDS.approve);
    expect(approve.$type).toBe('bpmn:UserTask');
    expect(approve.name).toBe('Approve');
    expect(approve.get('camunda:candidateGroups')).toBe('store-manager');

    const start = byId(process, APPROVAL_IDS.start);
    expect(start.outgoing[0].targetRef).toBe(approve);
    const gateway = byId(process, APPROVAL_IDS.gateway);
    expect(approve.outgoing[0].targetRef).toBe(gateway);

    const yes = byId(process, APPROVAL_IDS.approvedFlow);
    const no = byId(process, APPROVAL_IDS.rejectedFlow);
    expect(yes.sourceRef).toBe(gateway);
    expect(no.sourceRef).toBe(gateway);
    expect(yes.conditionExpression.body).toBe('${approved}');
    expect(no.conditionExpression.body).toBe('${!approved}');
    expect(yes.targetRef.$type).toBe('bpmn:EndEvent');
    expect(yes.targetRef.name).toBe('Approved');
    expect(no.targetRef.name).toBe('Rejected');
  });

  it('carries nothing the deploy checks refuse: no scripts, no Java, expressions only read a variable', () => {
    const xml = approvalTemplateXml({ processId: 'p1', candidateGroup: 'ops' });
    expect(xml).not.toMatch(/scriptTask|camunda:class|delegateExpression|camunda:expression|camunda:script|Listener|language=/);
    const expressions = xml.match(/\$\{[^}]*\}/g);
    expect(expressions).toEqual(['${approved}', '${!approved}']);
  });

  it('draws every element', async () => {
    const { definitions } = await parse(approvalTemplateXml({ processId: 'p1' }));
    const plane = definitions.diagrams[0].plane;
    const process = definitions.rootElements[0];
    expect(plane.bpmnElement).toBe(process);
    const drawn = new Set(plane.planeElement.map((e) => e.bpmnElement.id));
    for (const element of process.flowElements) expect(drawn.has(element.id)).toBe(true);
  });

  it('leaves the candidate group out when there is none, and escapes what it writes', async () => {
    expect(approvalTemplateXml({ processId: 'p1' })).not.toContain('candidateGroups');
    const { definitions } = await parse(approvalTemplateXml({ processId: 'p1', name: 'A & "B" <c>', candidateGroup: 'x"y' }));
    expect(definitions.rootElements[0].name).toBe('A & "B" <c>');
    expect(() => approvalTemplateXml({})).toThrow(/processId/);
  });

  it('picks an approver role: one that sounds like it approves, else any but admin', () => {
    expect(pickApproverRole(['admin', 'customer', 'store-manager'])).toBe('store-manager');
    expect(pickApproverRole(['admin', 'clerk'])).toBe('clerk');
    expect(pickApproverRole(['admin'])).toBe('');
    expect(pickApproverRole()).toBe('');
  });
});
