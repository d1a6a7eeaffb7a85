import { useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link, useRouter } from '../../../lib/router/router.jsx';
import { useSession } from '../../../lib/session/SessionContext.js';
import { Empty, Loading, Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatTime, formatValue } from '../../../lib/ui/format.js';
import { useResource } from '../../../lib/ui/useResource.js';
import { taskActions } from '../api/inbox.js';
import { claimTask, completeTask, readTask, unclaimTask } from '../api/tasksApi.js';
import { setFlash } from './flash.js';
import { TaskForm } from './form/TaskForm.jsx';
import { Assignee, Groups, InstanceRef } from './TaskContext.jsx';
import './tasks.css';

/** One task: its context, the instance's variables, and the form that completes it. */
export default function TaskPage({ id }) {
  const api = useApi();
  const { session } = useSession();
  const { navigate } = useRouter();
  const resource = useResource((signal) => readTask(api, id, { signal }), [api, id]);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(null);
  const task = resource.data;

  if (!task) {
    return (
      <Page title="Task">
        <BackLink />
        {resource.error ? (
          <>
            <ProblemMessage error={resource.error} />
            <p className="muted">It may have been completed or claimed by someone else meanwhile.</p>
          </>
        ) : <Loading label="Loading the task…" />}
      </Page>
    );
  }

  const can = taskActions(task, session);
  // the server refuses it anyway (403); saying so first saves a pointless claim
  const barred = task.separateFromInitiator && task.initiator && task.initiator === session.username;

  async function run(label, action) {
    setBusy(label);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      resource.reload();
    }
  }

  async function decide(variables, approved) {
    setBusy(approved ? 'approve' : 'reject');
    setError(null);
    let claimedHere = false;
    try {
      // completing an unclaimed task claims it first, so the task is recorded as this user's work
      if (!task.assignee && !barred) {
        await claimTask(api, task.id);
        claimedHere = true;
      }
      const instance = await completeTask(api, task.id, variables);
      setFlash(`${approved ? 'Approved' : 'Rejected'} “${task.name || task.taskKey}”${task.businessKey ? ` (${task.businessKey})` : ''}.`
        + (instance?.state ? ` The instance is now ${instance.state}.` : ''));
      navigate('/tasks');
    } catch (e) {
      // leave the task as it was found: give back a claim made only for this attempt
      if (claimedHere) await unclaimTask(api, task.id).catch(() => {});
      setError(e);
      setBusy(null);
      resource.reload();
    }
  }

  return (
    <Page wide title={task.name || task.taskKey}
          actions={(
            <>
              {can.claim && <button type="button" disabled={busy !== null} onClick={() => run('claim', () => claimTask(api, task.id))}>Claim</button>}
              {can.unclaim && <button type="button" disabled={busy !== null} onClick={() => run('unclaim', () => unclaimTask(api, task.id))}>Unclaim</button>}
            </>
          )}>
      <BackLink />
      <ProblemMessage error={error} onDismiss={() => setError(null)} />
      {resource.error && <ProblemMessage error={resource.error} />}
      <div className="fgt-layout">
        <div className="fgt-main">
          <Panel title="Decision">
            {barred && (
              <p className="notice" role="note">
                You started this instance: someone else must complete this task (separation of duties).
              </p>
            )}
            {can.heldByOther && (
              <p className="notice" role="note">
                {task.assignee} has claimed this task{session.isAdmin ? '; unclaim it to work it yourself.' : '.'}
              </p>
            )}
            {can.claim && !barred && <p className="muted fgt-hint">Approving or rejecting claims the task for you first.</p>}
            <TaskForm key={task.id} formFields={task.formFields} variables={task.variables} disabled={can.heldByOther} busy={busy} onDecide={decide} />
          </Panel>
        </div>
        <div className="fgt-side">
          <Panel title="Context">
            <dl className="fgt-context">
              <div><dt>Flow</dt><dd>{task.flowKey}</dd></div>
              <div><dt>Business key</dt><dd>{task.businessKey || <span className="muted">none</span>}</dd></div>
              <div><dt>Instance</dt><dd><InstanceRef id={task.instanceId} isAdmin={session.isAdmin} /></dd></div>
              <div><dt>Candidate groups</dt><dd><Groups groups={task.candidateGroups} /></dd></div>
              <div><dt>Assignee</dt><dd><Assignee assignee={task.assignee} username={session.username} /></dd></div>
              <div><dt>Created</dt><dd>{formatTime(task.createdAt)}</dd></div>
              {task.initiator && <div><dt>Started by</dt><dd>{task.initiator}</dd></div>}
            </dl>
          </Panel>
          <Panel title="Instance variables">
            <Variables variables={task.variables} />
          </Panel>
        </div>
      </div>
    </Page>
  );
}

function BackLink() {
  return <Link to="/tasks" className="fgt-back">← Task inbox</Link>;
}

function Variables({ variables }) {
  const names = Object.keys(variables ?? {}).sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return <Empty>No variables.</Empty>;
  return (
    <table className="data fgt-variables">
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Value</th></tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <th scope="row"><code>{name}</code></th>
            <td><code className="fgt-value">{formatValue(variables[name])}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
