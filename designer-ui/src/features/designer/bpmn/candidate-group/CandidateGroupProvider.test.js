import { describe, expect, it, vi } from 'vitest';
import CandidateGroupProvider, { OWN_GROUP, USER_ASSIGNMENT_GROUP } from './CandidateGroupProvider.js';
import { CANDIDATE_GROUP_ENTRY_ID, CandidateGroupField } from './CandidateGroupField.js';
import RoleDirectory from './RoleDirectory.js';

// bpmn-js-properties-panel's ESM build imports bpmn-js modules without file extensions, which Node's loader refuses;
// the field only needs its useService hook, and this test does not render it
vi.mock('bpmn-js-properties-panel', () => ({ useService: vi.fn() }));

function provider() {
  let registered;
  const propertiesPanel = { registerProvider: vi.fn((priority, p) => { registered = p; }) };
  new CandidateGroupProvider(propertiesPanel, (s) => s);
  return { registered, propertiesPanel };
}

const userTask = { businessObject: { $instanceOf: (type) => ['bpmn:UserTask', 'bpmn:Task', 'bpmn:FlowNode'].includes(type) } };
const startEvent = { businessObject: { $instanceOf: (type) => type === 'bpmn:StartEvent' } };

describe('the candidate group provider', () => {
  it('registers after the Camunda Platform provider (500) and before element templates (300)', () => {
    const { propertiesPanel } = provider();
    const priority = propertiesPanel.registerProvider.mock.calls[0][0];
    expect(priority).toBeLessThan(500);
    expect(priority).toBeGreaterThan(300);
  });

  it('puts the field first in the user assignment group of a user task', () => {
    const { registered } = provider();
    const groups = [{ id: 'general', entries: [] }, { id: USER_ASSIGNMENT_GROUP, entries: [{ id: 'assignee' }] }];
    const result = registered.getGroups(userTask)(groups);
    const entries = result.find((g) => g.id === USER_ASSIGNMENT_GROUP).entries;
    expect(entries.map((e) => e.id)).toEqual([CANDIDATE_GROUP_ENTRY_ID, 'assignee']);
    expect(entries[0].component).toBe(CandidateGroupField);
    expect(entries[0].element).toBe(userTask);
  });

  it('adds an open group of its own after General when there is no user assignment group', () => {
    const { registered } = provider();
    const result = registered.getGroups(userTask)([{ id: 'general', entries: [] }, { id: 'documentation', entries: [] }]);
    expect(result.map((g) => g.id)).toEqual(['general', OWN_GROUP, 'documentation']);
    expect(result[1].shouldOpen).toBe(true);
  });

  it('leaves other elements alone', () => {
    const { registered } = provider();
    const groups = [{ id: 'general', entries: [] }];
    expect(registered.getGroups(startEvent)(groups)).toEqual([{ id: 'general', entries: [] }]);
  });
});

describe('the role directory', () => {
  it('starts with the configured roles and re-renders the panel when they change', () => {
    const eventBus = { fire: vi.fn() };
    const roles = new RoleDirectory(['a'], eventBus);
    expect(roles.get()).toEqual(['a']);
    roles.set(['b', 'c']);
    expect(roles.get()).toEqual(['b', 'c']);
    expect(eventBus.fire).toHaveBeenCalledWith('propertiesPanel.providersChanged');
    expect(new RoleDirectory(undefined, eventBus).get()).toEqual([]);
  });
});
