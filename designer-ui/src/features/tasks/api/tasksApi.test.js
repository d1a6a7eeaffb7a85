import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../lib/api/client.js';
import { claimTask, completeTask, listTasks, readTask, taskHistory, unclaimTask } from './tasksApi.js';
import { answer } from '../../../lib/api/testing.js';

function problem(status, code, title) {
  return answer(status, { type: `https://flowgate.io/problems/${code}`, title, status, detail: `${title} detail` }, 'application/problem+json');
}

function fakeApi(...answers) {
  const fetch = vi.fn();
  for (const a of answers) fetch.mockResolvedValueOnce(a);
  return { api: createClient({ getToken: () => 'tok', fetch }), fetch };
}

const TASK = {
  id: 't-1', taskKey: 'approveRefund', name: 'Approve refund', instanceId: 'i-1', flowKey: 'refund-approval',
  businessKey: 'A-1002', candidateGroups: ['store-manager'], createdAt: '2026-11-23T03:01:21.538Z',
};

describe('tasks API', () => {
  it('lists tasks with optional filters and gives every task formFields and candidateGroups', async () => {
    const { api, fetch } = fakeApi(answer(200, [TASK, { id: 't-2', formFields: [{ id: 'x', type: 'long' }] }]));
    const tasks = await listTasks(api, { assignee: 'max', candidateGroup: undefined });
    expect(fetch.mock.calls[0][0]).toBe('/api/tasks?assignee=max');
    expect(fetch.mock.calls[0][1].headers.Authorization).toBe('Bearer tok');
    expect(tasks[0].formFields).toEqual([]);
    expect(tasks[1]).toMatchObject({ candidateGroups: [], formFields: [{ id: 'x', type: 'long' }] });
  });

  it('reads one task with the instance variables', async () => {
    const { api, fetch } = fakeApi(answer(200, { ...TASK, variables: { amount: 12.5 } }));
    expect(await readTask(api, 't-1')).toMatchObject({ id: 't-1', variables: { amount: 12.5 }, formFields: [] });
    expect(fetch.mock.calls[0][0]).toBe('/api/tasks/t-1');
  });

  it('reports a task that does not exist (any more) as the gateway said', async () => {
    const { api } = fakeApi(problem(404, 'task-not-found', 'Task not found'));
    await expect(readTask(api, 'gone')).rejects.toMatchObject({ status: 404, code: 'task-not-found' });
  });

  it('claims and unclaims', async () => {
    const { api, fetch } = fakeApi(answer(200, { ...TASK, assignee: 'max' }), answer(200, TASK));
    expect(await claimTask(api, 't-1')).toMatchObject({ assignee: 'max' });
    expect(await unclaimTask(api, 't-1')).toMatchObject({ id: 't-1' });
    expect(fetch.mock.calls.map(([url, init]) => `${init.method} ${url}`)).toEqual(['POST /api/tasks/t-1/claim', 'POST /api/tasks/t-1/unclaim']);
  });

  it('passes the 409 of a task claimed by someone else on', async () => {
    const { api } = fakeApi(problem(409, 'task-claimed', 'Task claimed'));
    await expect(claimTask(api, 't-1')).rejects.toMatchObject({ status: 409, code: 'task-claimed' });
  });

  it('completes with the variables as a JSON body and passes a separation-of-duties 403 on', async () => {
    const { api, fetch } = fakeApi(answer(200, { id: 'i-1', state: 'COMPLETED' }), problem(403, 'separation-of-duties', 'Forbidden'));
    expect(await completeTask(api, 't-1', { approved: true, comment: '' })).toMatchObject({ state: 'COMPLETED' });
    expect(fetch.mock.calls[0][0]).toBe('/api/tasks/t-1/complete');
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'POST', body: '{"approved":true,"comment":""}' });
    await expect(completeTask(api, 't-1', {})).rejects.toMatchObject({ status: 403, code: 'separation-of-duties' });
  });

  it('reads the completed-task history with a limit', async () => {
    const { api, fetch } = fakeApi(answer(200, [{ id: 't-0', completedAt: '2026-11-23T03:00:00Z' }]), problem(404, 'route-not-found', 'Not Found'));
    expect(await taskHistory(api, { limit: 20 })).toHaveLength(1);
    expect(fetch.mock.calls[0][0]).toBe('/api/tasks/history?limit=20');
    await expect(taskHistory(api)).rejects.toMatchObject({ status: 404 });
  });
});
