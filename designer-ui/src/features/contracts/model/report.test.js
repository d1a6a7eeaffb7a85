import { describe, expect, it } from 'vitest';
import { describeOutcome, findingLocation, findingText } from './report.js';

describe('publish report wording', () => {
  it('says what each outcome means', () => {
    expect(describeOutcome('checked', { name: 'a', findings: [], unrouted: ['GET /x'] }))
      .toMatchObject({ tone: 'ok', title: 'Ready to publish', detail: 'No findings: a can be published. 1 operation would answer 501 (no x-flow-id).' });
    expect(describeOutcome('check-failed', { findings: [{}, {}] })).toMatchObject({ tone: 'bad', detail: '2 findings to fix first; nothing was published.' });
    expect(describeOutcome('created', { name: 'a', version: 4, unrouted: [] })).toMatchObject({ tone: 'ok', title: 'Published a version 4' });
    expect(describeOutcome('unchanged', { name: 'a', version: 4 }).detail).toMatch(/already version 4 of a/);
    expect(describeOutcome('rejected', { detail: 'contract x has 1 problem(s)' })).toMatchObject({ tone: 'bad', detail: 'contract x has 1 problem(s)' });
  });

  it('points a finding at its pointer, operation, trigger or the document', () => {
    expect(findingLocation({ pointer: '/paths/~1a/get', method: 'GET', path: '/a' })).toBe('/paths/~1a/get');
    expect(findingLocation({ method: 'POST', path: '/pets', operationId: 'addPet', operation: 'POST /pets' })).toBe('POST /pets (addPet)');
    expect(findingLocation({ path: 'x-flow-triggers[0]' })).toBe('x-flow-triggers[0]');
    expect(findingLocation({ contract: 'c', reason: 'bad' })).toBe('document');
    expect(findingText({ reason: 'x-flow-id names no deployed flow' })).toBe('x-flow-id names no deployed flow');
    expect(findingText({ message: 'm' })).toBe('m');
  });
});
