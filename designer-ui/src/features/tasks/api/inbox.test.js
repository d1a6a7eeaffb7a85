import { describe, expect, it } from 'vitest';
import { filterTasks, showFromQuery, taskActions } from './inbox.js';

const max = { username: 'max', roles: ['store-manager'], isAdmin: false };
const admin = { username: 'admin', roles: ['admin'], isAdmin: true };
const tasks = [
  { id: 'mine', assignee: 'max', candidateGroups: ['store-manager'] },
  { id: 'offered', assignee: null, candidateGroups: ['store-manager'] },
  { id: 'other-group', candidateGroups: ['kitchen'] },
  { id: 'held', assignee: 'ann', candidateGroups: ['store-manager'] },
];

describe('inbox filter', () => {
  it('shows mine, my groups\' unclaimed tasks, or all', () => {
    expect(filterTasks(tasks, 'mine', max).map((t) => t.id)).toEqual(['mine']);
    expect(filterTasks(tasks, 'groups', max).map((t) => t.id)).toEqual(['offered']);
    expect(filterTasks(tasks, 'all', max)).toHaveLength(4);
  });

  it('reads the filter from the URL, defaulting to all', () => {
    expect(showFromQuery('mine')).toBe('mine');
    expect(showFromQuery(undefined)).toBe('all');
    expect(showFromQuery('everything')).toBe('all');
  });

  it('offers claim on unclaimed tasks and unclaim to the assignee or the admin', () => {
    expect(taskActions(tasks[0], max)).toEqual({ mine: true, claim: false, unclaim: true, heldByOther: false });
    expect(taskActions(tasks[1], max)).toEqual({ mine: false, claim: true, unclaim: false, heldByOther: false });
    expect(taskActions(tasks[3], max)).toEqual({ mine: false, claim: false, unclaim: false, heldByOther: true });
    expect(taskActions(tasks[3], admin)).toMatchObject({ unclaim: true, heldByOther: true });
  });
});
