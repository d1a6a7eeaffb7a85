import { useEffect, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link } from '../../../lib/router/router.jsx';
import { Loading, Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatDuration, formatTime } from '../../../lib/ui/format.js';
import { useResource } from '../../../lib/ui/useResource.js';
import { isEnded } from '../api/instanceQuery.js';
import { cancelInstance, readInstance, retryIncident } from '../api/instancesApi.js';
import { ActivityTimeline } from './ActivityTimeline.jsx';
import { CancelInstance } from './CancelInstance.jsx';
import { DiagramPanel } from './diagram/DiagramPanel.jsx';
import { IncidentsPanel } from './IncidentsPanel.jsx';
import { StateBadge } from './StateBadge.jsx';
import { VariablesTable } from './VariablesTable.jsx';
import './instances.css';

const LIVE_POLL_MS = 2000;

/** One instance: where it stands on its diagram, its variables, history and incidents; live until it ends. */
export default function InstancePage({ id }) {
  const api = useApi();
  const [live, setLive] = useState(true);
  const instance = useResource((signal) => readInstance(api, id, { signal }), [api, id], { pollMs: live ? LIVE_POLL_MS : undefined });
  const details = instance.data;
  const ended = details ? isEnded(details.state) : false;
  // stop polling once the instance has ended: nothing can change any more
  useEffect(() => setLive(!ended), [ended]);

  if (!details) {
    return (
      <Page title="Instance">
        <BackLink />
        {instance.error ? (
          <>
            <ProblemMessage error={instance.error} />
            <p><button type="button" onClick={instance.reload}>Try again</button></p>
          </>
        ) : <Loading label="Loading the instance…" />}
      </Page>
    );
  }

  const names = new Map(details.history.map((h) => [h.activityId, h.name]));
  details.activities.forEach((a) => names.set(a.id, a.name));
  const activityName = (activityId) => names.get(activityId) || activityId || 'unknown activity';

  return (
    <Page wide title={<>{details.businessKey || 'Instance'} <span className="fgi-title-flow">{details.flow}</span></>}
          actions={!ended && <CancelInstance onCancel={async (reason) => { await cancelInstance(api, id, reason); await instance.reload(); }} />}>
      <BackLink />
      {/* a failed poll keeps the last good answer on screen and says why it may be stale */}
      <ProblemMessage error={instance.error} />
      <Summary details={details} ended={ended} />
      <IncidentsPanel incidents={details.incidents} activityName={activityName}
                      onRetry={async (incident) => { await retryIncident(api, incident.id); await instance.reload(); }} />
      <DiagramPanel details={details} />
      <div className="columns fgi-columns">
        <Panel title="Activities">
          <ActivityTimeline history={details.history} ended={ended} startedAt={details.startedAt} />
        </Panel>
        <Panel title="Variables">
          <VariablesTable variables={details.variables} />
        </Panel>
      </div>
    </Page>
  );
}

function BackLink() {
  return <Link to="/instances" className="fgi-back">← All instances</Link>;
}

function Summary({ details, ended }) {
  return (
    <Panel>
      <dl className="fgi-summary">
        <div><dt>State</dt><dd><StateBadge state={details.state} data-testid="instance-state" /></dd></div>
        <div><dt>Flow</dt><dd>{details.flow}</dd></div>
        <div><dt>Version</dt><dd>{details.flowVersion}</dd></div>
        <div><dt>Business key</dt><dd>{details.businessKey || <span className="muted">none</span>}</dd></div>
        <div><dt>Started</dt><dd>{formatTime(details.startedAt) || <span className="muted">not yet</span>}</dd></div>
        <div><dt>Ended</dt><dd>{formatTime(details.endedAt) || <span className="muted">—</span>}</dd></div>
        <div><dt>Duration</dt><dd>{formatDuration(details.startedAt, details.endedAt) || <span className="muted">—</span>}</dd></div>
        {details.tenantId && <div><dt>Tenant</dt><dd>{details.tenantId}</dd></div>}
        <div className="fgi-summary-wide"><dt>Id</dt><dd><code>{details.id}</code></dd></div>
      </dl>
      {details.error && (
        <div className="problem" role="status">
          <strong className="problem-title">{details.state === 'FAILED' ? 'Failed' : `Ended with error ${details.error.code ?? ''}`}</strong>
          {details.error.message && <span className="problem-detail">{details.error.message}</span>}
          {details.error.activityId && <span className="problem-field">at <code>{details.error.activityId}</code></span>}
        </div>
      )}
      {!ended && <p className="muted fgi-live" aria-live="off">Live: refreshes every {LIVE_POLL_MS / 1000} s while the instance runs.</p>}
    </Panel>
  );
}
