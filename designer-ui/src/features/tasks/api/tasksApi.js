/**
 * Calls of the task inbox (/api/tasks, any signed-in user). Each takes the client from `useApi()`; failures arrive
 * as ApiError.
 */

const enc = encodeURIComponent;

/** A task with the lists the screens rely on always present. */
export function normalizeTask(task) {
  return {
    ...task,
    candidateGroups: Array.isArray(task?.candidateGroups) ? task.candidateGroups : [],
    formFields: Array.isArray(task?.formFields) ? task.formFields : [],
  };
}

/** GET /api/tasks[?candidateGroup=&assignee=&instanceId=] → the tasks the caller may work, newest first. */
export async function listTasks(api, query = {}, options) {
  const tasks = await api.get('/api/tasks', { ...options, query });
  return (Array.isArray(tasks) ? tasks : []).map(normalizeTask);
}

/** GET /api/tasks/{id} → the task with its instance's `variables` (404 task-not-found, also for others' tenants). */
export async function readTask(api, id, options) {
  return normalizeTask(await api.get(`/api/tasks/${enc(id)}`, options));
}

/** POST /api/tasks/{id}/claim → the task, now the caller's (409 task-claimed when someone else holds it). */
export async function claimTask(api, id) {
  return normalizeTask(await api.post(`/api/tasks/${enc(id)}/claim`));
}

/** POST /api/tasks/{id}/unclaim → the task, back with its candidate groups. */
export async function unclaimTask(api, id) {
  return normalizeTask(await api.post(`/api/tasks/${enc(id)}/unclaim`));
}

/** POST /api/tasks/{id}/complete with the variables → the instance summary after the flow moved on. */
export function completeTask(api, id, variables) {
  return api.post(`/api/tasks/${enc(id)}/complete`, variables ?? {});
}

/** GET /api/tasks/history[?limit=] → the tasks the caller completed, newest first. */
export async function taskHistory(api, { limit } = {}, options) {
  const tasks = await api.get('/api/tasks/history', { ...options, query: { limit } });
  return Array.isArray(tasks) ? tasks : [];
}
