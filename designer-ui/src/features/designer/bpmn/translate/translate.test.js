import { describe, expect, it } from 'vitest';
import translate from './translate.js';

describe('translate', () => {
  it('rewords the connector scope group and fills placeholders like diagram-js', () => {
    expect(translate('Custom properties for scope <camunda:Connector>')).toBe('Connector inputs and outputs');
    expect(translate('Append {type}', { type: 'task' })).toBe('Append task');
    expect(translate('Keep {unknown}')).toBe('Keep {unknown}');
  });
});
