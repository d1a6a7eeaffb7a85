import { describe, expect, it, vi } from 'vitest';
import FlowgatePaletteProvider from './FlowgatePaletteProvider.js';
import TemplateCreateBehavior from './TemplateCreateBehavior.js';
import { TEMPLATES } from '../../model/templates.fixture.js';

function setup() {
  let provider;
  const palette = { registerProvider: vi.fn((priority, p) => { provider = p; }) };
  const create = { start: vi.fn() };
  const elementFactory = { createShape: vi.fn((attrs) => ({ ...attrs, businessObject: attrs.businessObject ?? { $type: attrs.type } })) };
  const templateCreate = {
    resolve: vi.fn((id, version, fallback) => fallback),
    createShape: vi.fn((template) => ({ type: 'bpmn:ServiceTask', template })),
  };
  new FlowgatePaletteProvider({ templates: TEMPLATES }, palette, create, elementFactory, (s) => s, templateCreate);
  const standard = {
    'hand-tool': { group: 'tools' },
    'create.task': { group: 'activity', className: 'bpmn-icon-task' },
    'create.data-object': { group: 'data-object' },
  };
  return { provider, palette, create, elementFactory, templateCreate, entries: provider.getPaletteEntries()(standard) };
}

describe('the palette provider', () => {
  it('registers below bpmn-js and keeps the standard entries', () => {
    const { palette, entries } = setup();
    expect(palette.registerProvider.mock.calls[0][0]).toBeLessThan(1000);
    expect(entries['hand-tool']).toEqual({ group: 'tools' });
  });

  it('adds a draggable user task right after the task', () => {
    const { entries, create, elementFactory } = setup();
    const ids = Object.keys(entries);
    expect(ids.indexOf('create.user-task')).toBe(ids.indexOf('create.task') + 1);
    const userTask = entries['create.user-task'];
    expect(userTask).toMatchObject({ group: 'activity', className: 'bpmn-icon-user-task', title: 'Create user task' });
    const event = {};
    userTask.action.dragstart(event);
    expect(elementFactory.createShape).toHaveBeenCalledWith({ type: 'bpmn:UserTask' });
    expect(create.start).toHaveBeenCalledWith(event, expect.objectContaining({ type: 'bpmn:UserTask' }));
  });

  it('adds one entry per connector template that starts creating a templated service task', () => {
    const { entries, create, templateCreate } = setup();
    const notify = entries['fg-create.template.io.flowgate.connector.notify'];
    expect(notify.html).toContain('data-template-id="io.flowgate.connector.notify"');
    expect(notify.className).toContain('fg-template-notify');
    const event = {};
    notify.action.click(event);
    expect(templateCreate.resolve).toHaveBeenCalledWith('io.flowgate.connector.notify', 1, expect.objectContaining({ name: 'Notify' }));
    expect(create.start).toHaveBeenCalledWith(event, expect.objectContaining({ template: expect.objectContaining({ id: 'io.flowgate.connector.notify' }) }));
    const connectorIds = Object.keys(entries).filter((id) => id.startsWith('fg-create.template.'));
    expect(connectorIds).toHaveLength(TEMPLATES.length);
    expect(Object.keys(entries)).toContain('fg-heading.fg-connectors-order');
  });
});

describe('creating a templated service task', () => {
  it('applies the template inside the creation command, once, for that shape only', () => {
    const listeners = {};
    const eventBus = { on: (name, fn) => { listeners[name] = fn; } };
    const commandStack = { execute: vi.fn() };
    const elementFactory = { createShape: ({ type, businessObject }) => ({ type, businessObject }) };
    const bpmnFactory = { create: (type, attrs) => ({ $type: type, ...attrs }) };
    const elementTemplates = { get: vi.fn(() => null) };
    const behavior = new TemplateCreateBehavior(eventBus, commandStack, elementFactory, bpmnFactory, elementTemplates);
    const template = TEMPLATES.find((t) => t.id === 'io.flowgate.connector.order.get');

    const shape = behavior.createShape(template);
    expect(shape).toMatchObject({ type: 'bpmn:ServiceTask', businessObject: { name: 'Get order' } });

    listeners['commandStack.shape.create.postExecuted']({ context: { shape: { businessObject: { name: 'other' } } } });
    expect(commandStack.execute).not.toHaveBeenCalled();
    listeners['commandStack.shape.create.postExecuted']({ context: { shape } });
    listeners['commandStack.shape.create.postExecuted']({ context: { shape } });
    expect(commandStack.execute).toHaveBeenCalledTimes(1);
    expect(commandStack.execute).toHaveBeenCalledWith('propertiesPanel.camunda.changeTemplate', { element: shape, newTemplate: template });
    expect(behavior.resolve('x', 1, template)).toBe(template);
  });
});
