import { describe, expect, it } from 'vitest';
import { inlineSegments, textBlocks } from './text.js';

describe('description text', () => {
  it('joins soft-wrapped lines and splits paragraphs on blank lines', () => {
    expect(textBlocks('One line\nwrapped.\n\nSecond <b>para</b>.\n')).toEqual([
      { kind: 'p', text: 'One line wrapped.' },
      { kind: 'p', text: 'Second <b>para</b>.' },
    ]);
  });

  it('reads bullet and numbered lists with continuation lines', () => {
    expect(textBlocks('Steps:\n- first\n  still first\n- second\n\n1. one\n2. two')).toEqual([
      { kind: 'p', text: 'Steps:' },
      { kind: 'list', ordered: false, items: ['first still first', 'second'] },
      { kind: 'list', ordered: true, items: ['one', 'two'] },
    ]);
  });

  it('keeps fenced and indented code as it is', () => {
    expect(textBlocks('Call:\n\n```\ncurl -X POST\n  /x\n```\nafter')).toEqual([
      { kind: 'p', text: 'Call:' },
      { kind: 'pre', text: 'curl -X POST\n  /x' },
      { kind: 'p', text: 'after' },
    ]);
    expect(textBlocks('    a\n    b\n\nc')).toEqual([{ kind: 'pre', text: 'a\nb' }, { kind: 'p', text: 'c' }]);
  });

  it('is empty for nothing', () => {
    expect(textBlocks(null)).toEqual([]);
    expect(textBlocks('  \n')).toEqual([]);
  });

  it('marks backtick spans as code', () => {
    expect(inlineSegments('use `x-flow-id` or `a`!')).toEqual([
      { code: false, text: 'use ' }, { code: true, text: 'x-flow-id' }, { code: false, text: ' or ' },
      { code: true, text: 'a' }, { code: false, text: '!' },
    ]);
    expect(inlineSegments('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
  });
});
