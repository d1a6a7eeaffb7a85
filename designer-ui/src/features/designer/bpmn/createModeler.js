import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import FlowgatePaletteModule from './palette/index.js';
import CandidateGroupModule from './candidate-group/index.js';
import ClickAfterDragModule from './click-after-drag/index.js';
import UnchangedLabelModule from './label-editing/index.js';
import TranslateModule from './translate/index.js';

/** Groups of the properties panel that start open: what ops staff edit all day. */
const OPEN_GROUPS = [
  'general',
  'CamundaPlatform__UserAssignment',
  'CamundaPlatform__Condition',
  'ElementTemplates__Template',
  'ElementTemplates__CustomProperties',
  'ElementTemplates__CustomProperties-inputs',
  'ElementTemplates__CustomProperties-outputs',
  'ElementTemplates__CustomGroup-camunda-Connector',
];

/**
 * The designer's bpmn-js modeler: Camunda 7 ("Camunda Platform") moddle, behaviours and properties provider, the
 * Camunda 7 element templates provider loaded with the connector templates, the connector palette and the
 * candidate group field.
 *
 * @param {{container: HTMLElement, propertiesParent: HTMLElement, templates: object[], roles: string[]}} options
 */
export function createModeler({ container, propertiesParent, templates = [], roles = [] }) {
  return new BpmnModeler({
    container,
    propertiesPanel: {
      parent: propertiesParent,
      layout: { groups: Object.fromEntries(OPEN_GROUPS.map((id) => [id, { open: true }])) },
    },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      ElementTemplatesPropertiesProviderModule,
      FlowgatePaletteModule,
      CandidateGroupModule,
      ClickAfterDragModule,
      UnchangedLabelModule,
      TranslateModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
    elementTemplates: templates,
    flowgatePalette: { templates },
    flowgateRoles: roles,
  });
}
