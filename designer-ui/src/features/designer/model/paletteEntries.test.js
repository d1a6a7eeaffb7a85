import { describe, expect, it } from 'vitest';
import {
  connectorIdOf, groupHeadingHtml, latestTemplates, templateClassName, templateEntryHtml, templatePaletteEntries,
  templatePaletteGroups,
} from './paletteEntries.js';
import { TEMPLATES } from './templates.fixture.js';

describe('palette entries from element templates', () => {
  it('reads the connector id a template binds', () => {
    const notify = TEMPLATES.find((t) => t.id === 'io.flowgate.connector.notify');
    expect(connectorIdOf(notify)).toBe('notify');
    expect(connectorIdOf({ id: 'x', properties: [] })).toBeNull();
  });

  it('gives each template a stable class from its id', () => {
    expect(templateClassName('io.flowgate.connector.notify')).toBe('fg-template-notify');
    expect(templateClassName('io.flowgate.connector.order.get')).toBe('fg-template-order-get');
    expect(templateClassName('com.acme:thing v2')).toBe('fg-template-com-acme-thing-v2');
  });

  it('groups by connector family, single connectors under More, names sorted', () => {
    const groups = templatePaletteGroups(TEMPLATES);
    expect(groups.map((g) => g.label)).toEqual(['Order', 'More']);
    expect(groups[0].id).toBe('fg-connectors-order');
    expect(groups[0].entries.map((e) => e.name)).toEqual(['Change order state', 'Get order']);
    expect(groups[1].entries.map((e) => e.connectorId)).toEqual(['http.request', 'notify', 'inventory.reserve', 'vars.set']);
    const get = groups[0].entries[1];
    expect(get).toMatchObject({
      action: 'fg-create.template.io.flowgate.connector.order.get',
      templateId: 'io.flowgate.connector.order.get',
      version: 1,
      title: 'Get order',
      className: 'fg-palette-template fg-template-order-get',
    });
  });

  it('keeps the newest version, drops deprecated templates and ones that do not apply to service tasks', () => {
    const base = { name: 'A', appliesTo: ['bpmn:ServiceTask'], properties: [] };
    const latest = latestTemplates([
      { ...base, id: 'a', version: 1 },
      { ...base, id: 'a', version: 3 },
      { ...base, id: 'a', version: 2 },
      { ...base, id: 'old', version: 1, deprecated: true },
      { ...base, id: 'user', appliesTo: ['bpmn:UserTask'] },
      { ...base, id: 'morph', appliesTo: ['bpmn:Task'], elementType: { value: 'bpmn:SendTask' } },
      { name: 'no id' },
      null,
    ]);
    expect(latest.map((t) => [t.id, t.version])).toEqual([['a', 3]]);
    expect(templatePaletteGroups('not a list')).toEqual([]);
  });

  it('builds entries for the diagram-js palette: a heading per group, a draggable entry per template', () => {
    const entries = templatePaletteEntries(templatePaletteGroups(TEMPLATES));
    const ids = Object.keys(entries);
    expect(ids[0]).toBe('fg-heading.fg-connectors-order');
    const notify = entries['fg-create.template.io.flowgate.connector.notify'];
    expect(notify.group).toBe('fg-connectors-more');
    expect(notify.title).toBe('Notify');
    expect(notify.className).toContain('fg-template-notify');
    expect(notify.html).toContain('data-template-id="io.flowgate.connector.notify"');
    expect(notify.html).toContain('draggable="true"');
    expect(notify.html).toContain('class="entry"');
    expect(entries['fg-heading.fg-connectors-more'].html).toContain('>More<');
  });

  it('escapes names and ids in the markup', () => {
    const html = templateEntryHtml({ templateId: 'a"b', name: '<script>x</script>' });
    expect(html).toContain('data-template-id="a&quot;b"');
    expect(html).not.toContain('<script>');
    expect(groupHeadingHtml({ label: 'A & B' })).toContain('A &amp; B');
  });
});
