import FlowgatePaletteProvider from './FlowgatePaletteProvider.js';
import TemplateCreateBehavior from './TemplateCreateBehavior.js';

/** Connector templates and a user task in the palette (needs the element templates module). */
export default {
  __init__: ['flowgatePaletteProvider', 'flowgateTemplateCreate'],
  flowgatePaletteProvider: ['type', FlowgatePaletteProvider],
  flowgateTemplateCreate: ['type', TemplateCreateBehavior],
};
