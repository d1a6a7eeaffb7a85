import { describe, expect, it } from 'vitest';
import {
  apiQuery, endOfDay, filtersFromQuery, filtersProblem, instancesPath, isEnded, startOfDay, stateTone,
} from './instanceQuery.js';

describe('instance list filters', () => {
  it('reads the URL query with defaults, dropping unknown states, bad days and sizes', () => {
    expect(filtersFromQuery({})).toEqual({ flow: '', state: '', businessKey: '', from: '', to: '', page: 0, size: 50 });
    expect(filtersFromQuery({ flow: ' refund-approval ', state: 'WAITING', businessKey: 'A-1', from: '2026-11-01', to: '2026-11-23', page: '2', size: '20' }))
      .toEqual({ flow: 'refund-approval', state: 'WAITING', businessKey: 'A-1', from: '2026-11-01', to: '2026-11-23', page: 2, size: 20 });
    expect(filtersFromQuery({ state: 'SLEEPING', from: '2026-02-31', to: 'yesterday', page: '-1', size: '7' }))
      .toMatchObject({ state: '', from: '', to: '', page: 0, size: 50 });
  });

  it('writes filters back into a short console path that reads back the same', () => {
    const filters = { flow: 'refund-approval', state: 'INCIDENT', businessKey: 'A 1', from: '2026-11-01', to: '', page: 3, size: 100 };
    const path = instancesPath(filters);
    expect(path).toBe('/instances?flow=refund-approval&state=INCIDENT&businessKey=A+1&from=2026-11-01&page=3&size=100');
    expect(filtersFromQuery(Object.fromEntries(new URLSearchParams(path.split('?')[1])))).toEqual(filters);
    expect(instancesPath(filtersFromQuery({}))).toBe('/instances');
  });

  it('turns days into instants: from local midnight to the last millisecond of "to" (inclusive bounds)', () => {
    expect(startOfDay('2026-11-23')).toBe(new Date(2026, 10, 23).toISOString());
    expect(endOfDay('2026-11-30')).toBe(new Date(2026, 10, 30, 23, 59, 59, 999).toISOString());
    expect(endOfDay('2026-12-31')).toBe(new Date(2026, 11, 31, 23, 59, 59, 999).toISOString());
    expect(startOfDay('')).toBeUndefined();
  });

  it('builds the API query with startedAfter/startedBefore and without empty filters', () => {
    const q = apiQuery(filtersFromQuery({ state: 'RUNNING', from: '2026-11-01', to: '2026-11-02', page: '1' }));
    expect(q).toEqual({
      flow: undefined, state: 'RUNNING', businessKey: undefined,
      startedAfter: new Date(2026, 10, 1).toISOString(), startedBefore: new Date(2026, 10, 2, 23, 59, 59, 999).toISOString(),
      page: 1, size: 50,
    });
  });

  it('says when "from" is after "to"', () => {
    expect(filtersProblem({ from: '2026-11-05', to: '2026-11-01' })).toMatch(/after/);
    expect(filtersProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });

  it('knows which states have ended and how to colour them', () => {
    expect(['COMPLETED', 'ERROR', 'CANCELLED', 'FAILED'].every(isEnded)).toBe(true);
    expect(['STARTING', 'RUNNING', 'WAITING', 'INCIDENT'].some(isEnded)).toBe(false);
    expect(stateTone('INCIDENT')).toBe('bad');
    expect(stateTone('COMPLETED')).toBe('ok');
    expect(stateTone('???')).toBe('muted');
  });
});
