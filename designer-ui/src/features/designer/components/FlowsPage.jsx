import { useMemo, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link, useRouter } from '../../../lib/router/router.jsx';
import { useResource } from '../../../lib/ui/useResource.js';
import { Empty, Loading, Page } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { listFlows } from '../api/flowsApi.js';
import { filterRows, flowRows } from '../model/flowsList.js';
import './flows.css';

/** The deployed flows: key, name, versions, when the latest was deployed, the operations using it. Light: no bpmn-js. */
export default function FlowsPage() {
  const client = useApi();
  const { navigate } = useRouter();
  const [filter, setFilter] = useState('');
  const flows = useResource((signal) => listFlows(client, { signal }), []);
  const rows = useMemo(() => flowRows(flows.data), [flows.data]);
  const shown = filterRows(rows, filter);

  const open = (key) => navigate(`/flows/${encodeURIComponent(key)}`);

  return (
    <Page
      title="Flows"
      actions={<button type="button" className="primary" onClick={() => navigate('/flows/new')}>New flow</button>}
    >
      <ProblemMessage error={flows.error} />
      {flows.loading && !flows.data && <Loading label="Loading the flows…" />}
      {flows.data && rows.length === 0 && (
        <Empty>No flows yet. Start one with “New flow”: a blank approval you can extend with connectors.</Empty>
      )}
      {rows.length > 0 && (
        <>
          <div className="toolbar">
            <label className="inline">
              Filter
              <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="key, name or operation" />
            </label>
            <span className="muted">{shown.length} of {rows.length}</span>
          </div>
          <table className="data fg-flows">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Name</th>
                <th scope="col">Latest</th>
                <th scope="col">Versions</th>
                <th scope="col">Deployed</th>
                <th scope="col">Used by</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.key} className="fg-flow-row" onClick={(e) => { if (!e.target.closest('a')) open(row.key); }}>
                  <td><Link to={`/flows/${encodeURIComponent(row.key)}`}><code>{row.key}</code></Link></td>
                  <td>{row.name}</td>
                  <td>{row.latestVersion !== null ? `v${row.latestVersion}` : ''}</td>
                  <td>{row.versionCount}</td>
                  <td className="fg-nowrap">{formatTime(row.deployedAt)}</td>
                  <td>
                    {row.usedBy.length === 0 ? <span className="muted">—</span> : (
                      <ul className="fg-plain-list">
                        {row.usedBy.map((label) => <li key={label}>{label}</li>)}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
