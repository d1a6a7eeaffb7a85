import { Badge } from '../../../lib/ui/Page.jsx';
import { describeRoles, formatRateLimit, formatTimeout } from '../model/operations.js';
import { MethodBadge, TableWrap } from './bits.jsx';

/** One row per operation: what it is, which flow runs it and how, who may call it and how often. */
export function OperationsTable({ rows }) {
  return (
    <TableWrap label="Operations">
      <table className="data ct-operations">
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Path</th>
            <th scope="col">Operation</th>
            <th scope="col">Flow</th>
            <th scope="col">Required roles</th>
            <th scope="col">Rate limit</th>
            <th scope="col">SLA tier</th>
            <th scope="col">Route</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td><MethodBadge method={row.method} /></td>
              <td><code>{row.path}</code></td>
              <td>
                {row.operationId ? <code>{row.operationId}</code> : <span className="muted">no operationId</span>}
                {row.summary && <div className="muted ct-small">{row.summary}</div>}
              </td>
              <td><FlowCell flow={row.flow} /></td>
              <td>{describeRoles(row)}</td>
              <td>{formatRateLimit(row.rateLimit)}</td>
              <td>{row.slaTier === undefined ? 'unknown' : row.slaTier ?? <span className="muted">none</span>}</td>
              <td>
                {row.routed
                  ? <Badge tone="ok">bound</Badge>
                  : <Badge tone="warn" title="No x-flow-id: answers 501">unrouted</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function FlowCell({ flow }) {
  if (!flow) return <span className="muted">—</span>;
  if (flow.action === 'mock') return <span>mock · answers its example ({flow.status})</span>;
  const extra = [flow.message && `message ${flow.message}`, flow.task && `task ${flow.task}`].filter(Boolean);
  return (
    <>
      <code>{flow.id}</code>
      <div className="ct-small">
        {flow.action} · <strong>{flow.mode}</strong>{flow.timeout ? ` · ${formatTimeout(flow.timeout)}` : ''}
      </div>
      {extra.length > 0 && <div className="muted ct-small">{extra.join(' · ')}</div>}
    </>
  );
}
