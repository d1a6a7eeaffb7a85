/**
 * The options of the "Candidate group (role)" select: none, every known role, and the task's current value when it
 * is not a known role (a typo, a role from elsewhere, or several comma-separated groups) so that it is never lost.
 * @returns {{value: string, label: string}[]}
 */
export function candidateGroupOptions(roles = [], current = '') {
  const options = [{ value: '', label: '(none)' }];
  for (const role of roles) options.push({ value: role, label: role });
  if (current && !roles.includes(current)) {
    options.push({ value: current, label: `${current} (not a known role)` });
  }
  return options;
}
