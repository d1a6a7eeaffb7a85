import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link } from '../../../lib/router/router.jsx';
import { Badge, Empty, Loading, Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { useResource } from '../../../lib/ui/useResource.js';
import { NotYours } from '../../../lib/ui/NotYours.jsx';
import { useSession } from '../../../lib/session/SessionContext.js';
import { platformOnly } from '../../../lib/session/scope.js';
import { listContracts } from '../api/contractsApi.js';
import { contractStatus, sortContracts, summarize } from '../model/status.js';
import { TableWrap } from './bits.jsx';
import './contracts.css';

/** `/contracts`: every live contract with its state, version and operations. */
export default function ContractsPage() {
  const client = useApi();
  const { data, error, loading, reload } = useResource((signal) => listContracts(client, { signal }), [client],
    { pollMs: 15000 });
  const contracts = sortContracts(data);
  const counts = summarize(data);
  const publishBlocked = platformOnly(useSession()?.session, 'publish contracts');

  return (
    <Page title="Contracts" actions={(
      <span className="ct-header-actions">
        <button type="button" onClick={reload}>Refresh</button>
        {publishBlocked ? <NotYours reason={publishBlocked} />
          : <Link to="/contracts/publish" className="button ct-button-primary">Publish a contract</Link>}
      </span>
    )}>
      <ProblemMessage error={error} />
      {loading && !data && <Loading label="Loading contracts…" />}
      {data && (
        <Panel title={`${counts.total} live contract${counts.total === 1 ? '' : 's'}`} actions={(
          <span className="ct-counts">
            <Badge tone="ok">{counts.live} live</Badge>
            <Badge tone={counts.invalid ? 'bad' : 'muted'}>{counts.invalid} invalid</Badge>
            <Badge tone={counts.unrouted ? 'warn' : 'muted'}>{counts.unrouted} unrouted operations</Badge>
          </span>
        )}>
          {contracts.length === 0 ? (
            <Empty>
              No contract is published.{!publishBlocked && <> <Link to="/contracts/publish">Publish one</Link>.</>}
            </Empty>
          ) : (
            <TableWrap label="Contracts">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Contract</th>
                    <th scope="col">Status</th>
                    <th scope="col">Version</th>
                    <th scope="col">Operations</th>
                    <th scope="col">Unrouted</th>
                    <th scope="col">Published</th>
                  </tr>
                </thead>
                <tbody>
                  {contracts.map((c) => <ContractRow key={c.name} contract={c} />)}
                </tbody>
              </table>
            </TableWrap>
          )}
        </Panel>
      )}
    </Page>
  );
}

function ContractRow({ contract }) {
  const status = contractStatus(contract);
  return (
    <tr>
      <td>
        <Link to={`/contracts/${encodeURIComponent(contract.name)}`}>{contract.title || contract.name}</Link>
        <div className="muted"><code>{contract.name}</code></div>
      </td>
      <td><Badge tone={status.tone} title={status.title}>{status.label}</Badge></td>
      <td>v{contract.version}</td>
      <td>{status.operations}</td>
      <td>
        {status.unrouted > 0
          ? <Badge tone="warn" title="No x-flow-id: these answer 501">{status.unrouted} unrouted</Badge>
          : <span className="muted">none</span>}
      </td>
      <td>{formatTime(contract.publishedAt)}</td>
    </tr>
  );
}
