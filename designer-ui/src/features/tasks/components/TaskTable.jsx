import { Link } from '../../../lib/router/router.jsx';
import { Empty } from '../../../lib/ui/Page.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { taskActions } from '../api/inbox.js';
import { Assignee, Groups } from './TaskContext.jsx';

const NONE = {
  mine: 'You have not claimed any task.',
  groups: 'No unclaimed task waits for your groups.',
  all: 'Nothing to do: no task waits for you.',
};

/** The inbox rows; the task name links to the task. */
export function TaskTable({ tasks, show, session, busy, onAction }) {
  if (tasks.length === 0) return <Empty>{NONE[show]}</Empty>;
  return (
    <table className="data fgt-table">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Flow</th>
          <th scope="col">Business key</th>
          <th scope="col">Candidate groups</th>
          <th scope="col">Assignee</th>
          <th scope="col">Created</th>
          <th scope="col"><span className="fgt-visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const can = taskActions(task, session);
          return (
            <tr key={task.id}>
              <td><Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.name || task.taskKey}</Link></td>
              <td>{task.flowKey}</td>
              <td>{task.businessKey || <span className="muted">—</span>}</td>
              <td><Groups groups={task.candidateGroups} /></td>
              <td><Assignee assignee={task.assignee} username={session.username} /></td>
              <td>{formatTime(task.createdAt)}</td>
              <td>
                <div className="fgt-actions">
                  {can.claim && (
                    <button type="button" disabled={busy !== null} onClick={() => onAction(task, 'claim')}>Claim</button>
                  )}
                  {can.unclaim && (
                    <button type="button" disabled={busy !== null} onClick={() => onAction(task, 'unclaim')}>Unclaim</button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
