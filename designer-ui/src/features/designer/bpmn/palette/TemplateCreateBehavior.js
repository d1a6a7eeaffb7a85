/**
 * Creates service tasks with an element template applied, for the palette's connector entries. The shape is created
 * plain (so dropping it onto a sequence flow, into a pool, etc. works like any task) and the template is applied
 * inside the same command as its creation — one undo removes both — exactly as bpmn-js-element-templates applies
 * default templates on creation.
 */
export default function TemplateCreateBehavior(eventBus, commandStack, elementFactory, bpmnFactory, elementTemplates) {
  const pending = new WeakMap();

  /** A service task shape named after the template, to hand to `create.start`. */
  this.createShape = function(template) {
    const businessObject = bpmnFactory.create('bpmn:ServiceTask', { name: template.name });
    const shape = elementFactory.createShape({ type: 'bpmn:ServiceTask', businessObject });
    pending.set(businessObject, template);
    return shape;
  };

  /** The registered template (validated by the element templates loader), else the one given. */
  this.resolve = function(templateId, version, fallback) {
    return elementTemplates.get(templateId, version) ?? elementTemplates.get(templateId) ?? fallback ?? null;
  };

  eventBus.on('commandStack.shape.create.postExecuted', (event) => {
    const shape = event.context?.shape;
    const template = shape && pending.get(shape.businessObject);
    if (!template) return;
    pending.delete(shape.businessObject);
    commandStack.execute('propertiesPanel.camunda.changeTemplate', { element: shape, newTemplate: template });
  });
}

TemplateCreateBehavior.$inject = ['eventBus', 'commandStack', 'elementFactory', 'bpmnFactory', 'elementTemplates'];
