/**
 * The inbox filter "mine / my groups / all" over the list GET /api/tasks answers: mine = claimed by me;
 * my groups = unclaimed and offered to one of my roles; all = whatever the gateway lets me see (for the platform
 * admin that includes other users' claimed tasks).
 */
export const SHOW = ['mine', 'groups', 'all'];
export const SHOW_LABELS = { mine: 'Mine', groups: 'My groups', all: 'All' };

export function showFromQuery(value) {
  return SHOW.includes(value) ? value : 'all';
}

export function filterTasks(tasks, show, session) {
  const roles = new Set(session?.roles ?? []);
  switch (show) {
    case 'mine':
      return tasks.filter((t) => t.assignee && t.assignee === session?.username);
    case 'groups':
      return tasks.filter((t) => !t.assignee && t.candidateGroups.some((g) => roles.has(g)));
    default:
      return tasks;
  }
}

/** What the current user can do with a task in the list: claim it, give it back, or nothing (someone else has it). */
export function taskActions(task, session) {
  const mine = !!task.assignee && task.assignee === session?.username;
  return {
    mine,
    claim: !task.assignee,
    // the assignee may give it back; the platform admin may take it from anyone
    unclaim: !!task.assignee && (mine || !!session?.isAdmin),
    heldByOther: !!task.assignee && !mine,
  };
}
