import { escapeXml } from './xml.js';

/**
 * Palette entries from the Camunda 7 element templates the gateway serves (GET /admin/connectors/templates): one
 * entry per connector template that can be applied to a service task, grouped by the connector's family (the part of
 * its id before the first dot: `order.get` → Order). Families with a single connector share the group "More".
 */

export const TEMPLATE_ID_PREFIX = 'io.flowgate.connector.';
export const PALETTE_GROUP_PREFIX = 'fg-connectors-';
export const PALETTE_ACTION_PREFIX = 'fg-create.template.';
export const PALETTE_HEADING_PREFIX = 'fg-heading.';
const CREATES = 'bpmn:ServiceTask';
const OTHER_GROUP = { key: 'more', label: 'More' };

/** The connector id a template binds (its hidden `connectorId` property), or null. */
export function connectorIdOf(template) {
  const scoped = Array.isArray(template?.scopes) ? template.scopes.flatMap((s) => s?.properties ?? []) : [];
  const properties = [...(template?.properties ?? []), ...scoped];
  const bound = properties.find((p) => p?.binding?.type === 'property' && p.binding.name === 'connectorId');
  return typeof bound?.value === 'string' && bound.value ? bound.value : null;
}

/** `io.flowgate.connector.order.get` → `order.get`; other ids stay as they are. */
export function shortTemplateId(templateId) {
  return templateId.startsWith(TEMPLATE_ID_PREFIX) ? templateId.slice(TEMPLATE_ID_PREFIX.length) : templateId;
}

/** The CSS class of a template's palette entry: `io.flowgate.connector.order.get` → `fg-template-order-get`. */
export function templateClassName(templateId) {
  return `fg-template-${shortTemplateId(templateId).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Whether the palette can create the element a template applies to (a service task). */
export function appliesToServiceTask(template) {
  const appliesTo = Array.isArray(template?.appliesTo) ? template.appliesTo : [];
  const elementType = template?.elementType?.value;
  if (elementType && elementType !== CREATES) return false;
  return appliesTo.some((t) => t === CREATES || t === 'bpmn:Task' || t === 'bpmn:Activity');
}

function family(template, connectorId) {
  const source = connectorId ?? shortTemplateId(template.id);
  const dot = source.indexOf('.');
  return dot > 0 ? source.slice(0, dot) : null;
}

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The newest non-deprecated version of each applicable template. */
export function latestTemplates(templates) {
  const byId = new Map();
  for (const template of Array.isArray(templates) ? templates : []) {
    if (!template || typeof template.id !== 'string' || !template.id) continue;
    if (template.deprecated || !appliesToServiceTask(template)) continue;
    const known = byId.get(template.id);
    if (!known || (template.version ?? 0) > (known.version ?? 0)) byId.set(template.id, template);
  }
  return [...byId.values()];
}

/**
 * `[{id, label, entries: [{action, templateId, version, name, title, description, connectorId, className}]}]`,
 * groups by label (More last), entries by name.
 */
export function templatePaletteGroups(templates) {
  const entries = latestTemplates(templates).map((template) => {
    const connectorId = connectorIdOf(template);
    const name = typeof template.name === 'string' && template.name.trim() ? template.name.trim() : shortTemplateId(template.id);
    return {
      action: PALETTE_ACTION_PREFIX + template.id,
      templateId: template.id,
      version: template.version,
      name,
      title: name,
      description: typeof template.description === 'string' ? template.description : '',
      connectorId,
      family: family(template, connectorId),
      className: `fg-palette-template ${templateClassName(template.id)}`,
    };
  });
  const counts = new Map();
  for (const e of entries) counts.set(e.family, (counts.get(e.family) ?? 0) + 1);
  const groups = new Map();
  for (const entry of entries) {
    const shared = !entry.family || counts.get(entry.family) < 2;
    const key = shared ? OTHER_GROUP.key : entry.family;
    const label = shared ? OTHER_GROUP.label : capitalize(entry.family);
    if (!groups.has(key)) groups.set(key, { id: PALETTE_GROUP_PREFIX + key, label, other: shared, entries: [] });
    const { family: _family, ...rest } = entry;
    groups.get(key).entries.push(rest);
  }
  return [...groups.values()]
    .sort((a, b) => (a.other - b.other) || a.label.localeCompare(b.label))
    .map((g) => ({ id: g.id, label: g.label, entries: g.entries.sort((a, b) => a.name.localeCompare(b.name)) }));
}

/** The markup of a connector entry: the service task icon and the template's name; the test hook is data-template-id. */
export function templateEntryHtml(entry) {
  return `<div class="entry" draggable="true" data-template-id="${escapeXml(entry.templateId)}">`
    + '<span class="fg-palette-icon bpmn-icon-service-task" aria-hidden="true"></span>'
    + `<span class="fg-palette-label">${escapeXml(entry.name)}</span></div>`;
}

/** The markup of a group's heading (not an entry: no action, not focusable, hidden from assistive technology). */
export function groupHeadingHtml(group) {
  return `<div class="fg-palette-heading" aria-hidden="true">${escapeXml(group.label)}</div>`;
}

/**
 * The palette entries for the connector groups, in the shape diagram-js' palette takes, minus the actions (the
 * provider adds them): a heading per group then one entry per template.
 */
export function templatePaletteEntries(groups) {
  const result = {};
  for (const group of groups) {
    result[PALETTE_HEADING_PREFIX + group.id] = { group: group.id, html: groupHeadingHtml(group) };
    for (const entry of group.entries) {
      result[entry.action] = {
        group: group.id,
        className: entry.className,
        title: entry.title,
        html: templateEntryHtml(entry),
        templateId: entry.templateId,
      };
    }
  }
  return result;
}
