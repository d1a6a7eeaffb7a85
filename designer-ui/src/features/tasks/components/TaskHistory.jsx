import { useApi } from '../../../lib/api/ApiContext.jsx';
import { useSession } from '../../../lib/session/SessionContext.js';
import { Empty, Loading, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatDuration, formatTime } from '../../../lib/ui/format.js';
import { useResource } from '../../../lib/ui/useResource.js';
import { taskHistory } from '../api/tasksApi.js';
import { InstanceRef } from './TaskContext.jsx';

const HISTORY_LIMIT = 20;

/** The tasks this user completed, newest first. */
export function TaskHistory() {
  const api = useApi();
  const { session } = useSession();
  const history = useResource((signal) => taskHistory(api, { limit: HISTORY_LIMIT }, { signal }), [api]);

  return (
    <Panel title="Completed by you" actions={<button type="button" onClick={history.reload}>Refresh</button>}>
      <ProblemMessage error={history.error} />
      {history.data === undefined && history.loading && <Loading label="Loading your completed tasks…" />}
      {history.data?.length === 0 && <Empty>You have not completed any task yet.</Empty>}
      {history.data?.length > 0 && (
        <table className="data fgt-table">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Flow</th>
              <th scope="col">Business key</th>
              <th scope="col">Instance</th>
              <th scope="col">Created</th>
              <th scope="col">Completed</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((task) => (
              <tr key={task.id}>
                <td>{task.name || task.taskKey}</td>
                <td>{task.flowKey}</td>
                <td>{task.businessKey || <span className="muted">—</span>}</td>
                <td><InstanceRef id={task.instanceId} isAdmin={session.isAdmin} /></td>
                <td>{formatTime(task.createdAt)}</td>
                <td>{formatTime(task.completedAt)}</td>
                <td>{formatDuration(task.createdAt, task.completedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
