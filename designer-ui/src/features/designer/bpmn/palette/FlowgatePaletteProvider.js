import { templatePaletteEntries, templatePaletteGroups } from '../../model/paletteEntries.js';

/** Below bpmn-js' own provider (1000), so its entries are there to add to. */
const PRIORITY = 500;

/**
 * Adds to the standard bpmn-js palette: a user task entry (next to the task) and one entry per connector element
 * template, grouped, each creating a service task with the template applied. The templates come from the modeler's
 * `flowgatePalette.templates` config (the JSON the gateway serves).
 *
 * Test hooks: the user task entry has the class `bpmn-icon-user-task`; a connector entry has
 * `data-template-id="<template id>"` and the class `fg-template-<connector id, dots as dashes>`.
 */
export default function FlowgatePaletteProvider(config, palette, create, elementFactory, translate,
  flowgateTemplateCreate) {
  const groups = templatePaletteGroups(config?.templates ?? []);
  const templatesById = new Map((config?.templates ?? []).map((t) => [t?.id, t]));

  function createUserTask(event) {
    create.start(event, elementFactory.createShape({ type: 'bpmn:UserTask' }));
  }

  function createConnector(entry) {
    return (event) => {
      const template = flowgateTemplateCreate.resolve(entry.templateId, entry.version, templatesById.get(entry.templateId));
      if (!template) return;
      create.start(event, flowgateTemplateCreate.createShape(template));
    };
  }

  const connectorEntries = templatePaletteEntries(groups);
  const actions = new Map(groups.flatMap((g) => g.entries).map((e) => [e.action, createConnector(e)]));

  this.getPaletteEntries = function() {
    return function(entries) {
      const result = {};
      for (const [id, entry] of Object.entries(entries)) {
        result[id] = entry;
        if (id === 'create.task') {
          result['create.user-task'] = {
            group: 'activity',
            className: 'bpmn-icon-user-task',
            title: translate('Create user task'),
            action: { dragstart: createUserTask, click: createUserTask },
          };
        }
      }
      if (groups.length) result['fg-connectors-separator'] = { group: 'fg-connectors', separator: true };
      for (const [id, entry] of Object.entries(connectorEntries)) {
        const action = actions.get(id);
        result[id] = action ? { ...entry, action: { dragstart: action, click: action } } : entry;
      }
      return result;
    };
  };

  palette.registerProvider(PRIORITY, this);
}

FlowgatePaletteProvider.$inject = ['config.flowgatePalette', 'palette', 'create', 'elementFactory', 'translate',
  'flowgateTemplateCreate'];
