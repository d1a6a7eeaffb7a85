/** Library texts reworded for ops staff (the rest stay as bpmn-js and the properties panel write them). */
export const LABELS = Object.freeze({
  'Custom properties for scope <camunda:Connector>': 'Connector inputs and outputs',
});

/** bpmn-js' translate service (same contract as diagram-js' default): reword, then fill in `{placeholders}`. */
export default function translate(template, replacements) {
  const text = LABELS[template] ?? template;
  return text.replace(/{([^}]+)}/g, (whole, key) => (replacements ?? {})[key] || whole);
}
