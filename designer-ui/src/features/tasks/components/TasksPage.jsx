import { useEffect, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { useQuery, useRouter } from '../../../lib/router/router.jsx';
import { useSession } from '../../../lib/session/SessionContext.js';
import { Loading, Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { useResource } from '../../../lib/ui/useResource.js';
import { filterTasks, SHOW, SHOW_LABELS, showFromQuery } from '../api/inbox.js';
import { claimTask, listTasks, unclaimTask } from '../api/tasksApi.js';
import { clearFlash, peekFlash } from './flash.js';
import { TaskHistory } from './TaskHistory.jsx';
import { TaskTable } from './TaskTable.jsx';
import './tasks.css';

const INBOX_POLL_MS = 5000;

/** The task inbox: what the user may work, live, with claim / unclaim; below it, what they completed. */
export default function TasksPage() {
  const api = useApi();
  const { session } = useSession();
  const { navigate } = useRouter();
  const show = showFromQuery(useQuery().show);
  const [flash] = useState(peekFlash);
  useEffect(() => clearFlash(), []);
  const [actionError, setActionError] = useState(null);
  const [busy, setBusy] = useState(null);

  const inbox = useResource((signal) => listTasks(api, {}, { signal }), [api], { pollMs: INBOX_POLL_MS });
  const tasks = inbox.data ?? [];
  const shown = filterTasks(tasks, show, session);

  async function act(task, action) {
    setBusy(task.id);
    setActionError(null);
    try {
      await (action === 'claim' ? claimTask(api, task.id) : unclaimTask(api, task.id));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
      inbox.reload();
    }
  }

  return (
    <Page title="Tasks" wide>
      {flash && <p className="notice" role="status">{flash}</p>}
      <div className="toolbar fgt-show" role="group" aria-label="Show tasks">
        {SHOW.map((s) => (
          <button key={s} type="button" aria-pressed={show === s} className={show === s ? 'fgt-pressed' : undefined}
                  onClick={() => navigate(s === 'all' ? '/tasks' : `/tasks?show=${s}`, { replace: true })}>
            {SHOW_LABELS[s]}
            {inbox.data && <span className="fgt-count">{filterTasks(tasks, s, session).length}</span>}
          </button>
        ))}
        <span className="muted fgt-live">Refreshes every {INBOX_POLL_MS / 1000} s</span>
      </div>
      <Panel>
        <ProblemMessage error={actionError} onDismiss={() => setActionError(null)} />
        <ProblemMessage error={inbox.error} />
        {inbox.data === undefined && inbox.loading && <Loading label="Loading your tasks…" />}
        {inbox.data && <TaskTable tasks={shown} show={show} session={session} busy={busy} onAction={act} />}
      </Panel>
      <TaskHistory />
    </Page>
  );
}
