import { describe, expect, it } from 'vitest';
import { buildForm, completionVariables, validate } from './formModel.js';

const FIELDS = [
  { id: 'refundAmount', label: 'Refund amount (cents)', type: 'long', required: true, defaultValue: '1250', values: [] },
  { id: 'note', label: 'Note to customer', type: 'string', required: false, defaultValue: null, values: [] },
  { id: 'goodwill', label: 'Goodwill', type: 'boolean', required: false, defaultValue: 'true', values: [] },
  { id: 'payBy', label: 'Pay by', type: 'date', required: true, defaultValue: '30/11/2026', values: [] },
  { id: 'channel', label: 'Channel', type: 'enum', required: true, defaultValue: 'card',
    values: [{ id: 'card', name: 'Back to card' }, { id: 'voucher', name: 'Voucher' }] },
];

describe('task form model', () => {
  it('builds fields with labels, types, options and initial values from the defaults', () => {
    const form = buildForm(FIELDS);
    expect(form.fields.map((f) => [f.id, f.type, f.required])).toEqual([
      ['refundAmount', 'long', true], ['note', 'string', false], ['goodwill', 'boolean', false],
      ['payBy', 'date', true], ['channel', 'enum', true],
    ]);
    expect(form.fields[4].options).toEqual([{ id: 'card', name: 'Back to card' }, { id: 'voucher', name: 'Voucher' }]);
    expect(form.initial).toEqual({ refundAmount: '1250', note: '', goodwill: true, payBy: '2026-11-30', channel: 'card', comment: '' });
    expect(form.comment).toEqual({ label: 'Comment', required: false });
  });

  it('is an empty form without declared fields', () => {
    for (const none of [undefined, null, [], 'nonsense']) {
      expect(buildForm(none)).toEqual({ fields: [], initial: { comment: '' }, comment: { label: 'Comment', required: false } });
    }
  });

  it('falls back to the id as label and to string for unknown types; skips fields without id', () => {
    const form = buildForm([{ id: 'x', type: 'color' }, { label: 'no id' }, { id: 'y', label: '  ', type: 'long', defaultValue: 7 }]);
    expect(form.fields.map((f) => [f.id, f.label, f.type])).toEqual([['x', 'x', 'string'], ['y', 'y', 'long']]);
    expect(form.initial).toMatchObject({ x: '', y: '7' });
  });

  it('drops an enum default that is not one of its values, and a date default it cannot read', () => {
    const form = buildForm([
      { id: 'e', type: 'enum', defaultValue: 'gone', values: [{ id: 'a', name: 'A' }] },
      { id: 'd', type: 'date', defaultValue: 'next Tuesday' },
      { id: 'iso', type: 'date', defaultValue: '2026-12-01T09:30:00Z' },
    ]);
    expect(form.initial).toMatchObject({ e: '', d: '', iso: '2026-12-01' });
  });

  it('starts a field declared with ${variable} from the instance\'s variable, and any other expression empty', () => {
    const fields = [
      { id: 'refundAmount', type: 'long', defaultValue: '${amountMinor}' },
      { id: 'reason', type: 'string', defaultValue: '#{ reason }' },
      { id: 'note', type: 'string', defaultValue: '${reason.concat("!")}' },
      { id: 'decimal', type: 'long', defaultValue: '${amount}' },
      { id: 'proto', type: 'string', defaultValue: '${constructor}' },
    ];
    const variables = { amountMinor: 1250, amount: 12.5, reason: 'cold soup' };
    expect(buildForm(fields, variables).initial).toEqual({ refundAmount: '1250', reason: 'cold soup', note: '', decimal: '', proto: '', comment: '' });
    expect(buildForm(fields).initial).toEqual({ refundAmount: '', reason: '', note: '', decimal: '', proto: '', comment: '' });
  });

  it('leaves approved and comment to the buttons and the comment box, keeping a declared comment\'s rules', () => {
    const form = buildForm([
      { id: 'approved', type: 'boolean' },
      { id: 'comment', label: 'Reason', type: 'string', required: true, defaultValue: 'ok' },
    ]);
    expect(form.fields).toEqual([]);
    expect(form.comment).toEqual({ label: 'Reason', required: true });
    expect(form.initial.comment).toBe('ok');
    expect(validate(form, { comment: ' ' })).toEqual({ comment: 'Reason is required.' });
  });

  it('reports required and malformed values by field', () => {
    const form = buildForm(FIELDS);
    expect(validate(form, form.initial)).toEqual({});
    expect(validate(form, { ...form.initial, refundAmount: '', payBy: '', channel: '' })).toEqual({
      refundAmount: 'Refund amount (cents) is required.',
      payBy: 'Pay by is required.',
      channel: 'Channel is required.',
    });
    expect(validate(form, { ...form.initial, refundAmount: '12.5', payBy: '2026-02-30', channel: 'cash' })).toEqual({
      refundAmount: 'Refund amount (cents) must be a whole number.',
      payBy: 'Pay by must be a date (YYYY-MM-DD).',
      channel: 'Channel: choose one of the options.',
    });
    expect(validate(form, { ...form.initial, refundAmount: '99999999999999999999' }).refundAmount).toMatch(/whole number/);
  });

  it('does not require an optional empty field and never complains about a checkbox', () => {
    const form = buildForm([{ id: 'n', type: 'long' }, { id: 'b', type: 'boolean', required: true }]);
    expect(validate(form, { n: '', b: false })).toEqual({});
  });

  it('sends typed variables with the decision and the comment', () => {
    const form = buildForm(FIELDS);
    const values = { ...form.initial, refundAmount: ' -300 ', note: 'sorry ', goodwill: false, comment: '  cold soup, refund it ' };
    expect(completionVariables(form, values, true)).toEqual({
      refundAmount: -300,
      note: 'sorry ',
      goodwill: false,
      payBy: '2026-11-30T00:00:00.000Z',
      channel: 'card',
      approved: true,
      comment: 'cold soup, refund it',
    });
  });

  it('leaves empty optional fields out, so the instance keeps its values', () => {
    const form = buildForm(FIELDS.filter((f) => !f.required));
    expect(completionVariables(form, { note: '', goodwill: true, comment: '' }, false)).toEqual({ goodwill: true, approved: false, comment: '' });
  });
});
