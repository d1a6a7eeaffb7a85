import { useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link, useRouter } from '../../../lib/router/router.jsx';
import { Badge, Empty, Loading, Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { useResource } from '../../../lib/ui/useResource.js';
import { NotYours } from '../../../lib/ui/NotYours.jsx';
import { useSession } from '../../../lib/session/SessionContext.js';
import { platformOnly } from '../../../lib/session/scope.js';
import { getContract, getRequiredRoles, getSource, listVersions, unpublish } from '../api/contractsApi.js';
import { parseDocument } from '../model/openapi.js';
import { operationRows } from '../model/operations.js';
import { contractStatus } from '../model/status.js';
import { ConfirmButton, RenderGuard } from './bits.jsx';
import { DiffPanel } from './DiffPanel.jsx';
import { Findings } from './Findings.jsx';
import { OperationsTable } from './OperationsTable.jsx';
import { VersionsPanel } from './VersionsPanel.jsx';
import './contracts.css';

/** `/contracts/:name`: operations and their bindings, current findings, versions, a diff, docs, unpublish. */
export default function ContractPage({ name }) {
  const client = useApi();
  const { navigate } = useRouter();
  const [unpublishError, setUnpublishError] = useState(null);
  const unpublishBlocked = platformOnly(useSession()?.session, 'unpublish contracts');
  const contract = useResource((signal) => getContract(client, name, { signal }), [client, name]);
  const versions = useResource((signal) => listVersions(client, name, { signal }), [client, name]);
  // roles as the authorizer enforces them; the table still shows without them
  const roles = useResource((signal) => getRequiredRoles(client, { signal }), [client]);
  const detail = contract.data;
  // rate limit and SLA tier: from the operations' JSON when the gateway sends them, else the published document
  const needsDocument = Boolean(detail?.operations?.some((op) => !('rateLimit' in op) || !('slaTier' in op)));
  const document = useResource(
    async (signal) => (needsDocument ? parseDocument(await getSource(client, name, detail.version, { signal })) : null),
    [client, name, detail?.version, needsDocument],
  );

  const remove = async () => {
    setUnpublishError(null);
    try {
      await unpublish(client, name);
      navigate('/contracts');
    } catch (error) {
      setUnpublishError(error);
    }
  };

  const title = detail?.title ? `${detail.title}` : name;
  return (
    <Page title={title} actions={(
      <span className="ct-header-actions">
        <Link to="/contracts">All contracts</Link>
        <Link to={`/contracts/${encodeURIComponent(name)}/docs`} className="button">Docs</Link>
        {unpublishBlocked ? <NotYours reason={unpublishBlocked} /> : (
          <ConfirmButton label="Unpublish" confirmLabel="Yes, unpublish" disabled={!detail}
                         question={`Unpublish ${name}? Its routes stop answering at once; the history is kept.`}
                         onConfirm={remove} />
        )}
      </span>
    )}>
      <ProblemMessage error={unpublishError} onDismiss={() => setUnpublishError(null)} />
      <ProblemMessage error={contract.error} />
      {contract.loading && !detail && <Loading label="Loading the contract…" />}
      {detail && (
        <RenderGuard what="The contract">
          <Summary detail={detail} />
          <Panel title="Current findings">
            {detail.findings?.length
              ? <Findings findings={detail.findings} label="Current findings" />
              : <p className="muted">None: every bound operation is routed to its flow.</p>}
          </Panel>
          <Panel title="Operations">
            {roles.error && <p className="muted">Required roles unavailable: {roles.error.title}.</p>}
            {document.error && <p className="muted">Rate limits unavailable (the document could not be read): {document.error.message}.</p>}
            {detail.operations?.length
              ? <OperationsTable rows={operationRows(detail, { policyOperations: roles.data, document: document.data })} />
              : <Empty>This contract declares no operations.</Empty>}
          </Panel>
        </RenderGuard>
      )}
      {/* an unknown contract has no history either: its problem is already shown once above */}
      {!(contract.error?.status === 404 && versions.error?.status === 404) && (
        <>
          <RenderGuard what="The versions">
            <VersionsPanel name={name} versions={versions} />
          </RenderGuard>
          <RenderGuard what="The diff">
            <DiffPanel name={name} versions={versions.data} failed={Boolean(versions.error) && !versions.data} />
          </RenderGuard>
        </>
      )}
    </Page>
  );
}

function Summary({ detail }) {
  const status = contractStatus(detail);
  return (
    <dl className="ct-summary">
      <div><dt>Name</dt><dd><code>{detail.name}</code></dd></div>
      <div><dt>Status</dt><dd><Badge tone={status.tone} title={status.title}>{status.label}</Badge></dd></div>
      <div><dt>Version</dt><dd>v{detail.version}</dd></div>
      <div><dt>Published</dt><dd>{formatTime(detail.publishedAt)}</dd></div>
      <div><dt>OpenAPI</dt><dd>{detail.openapi}</dd></div>
      <div>
        <dt>Operations</dt>
        <dd>
          {status.operations} ({status.routed} routed
          {status.unrouted > 0 ? <>, <Badge tone="warn">{status.unrouted} unrouted</Badge></> : null})
        </dd>
      </div>
    </dl>
  );
}
