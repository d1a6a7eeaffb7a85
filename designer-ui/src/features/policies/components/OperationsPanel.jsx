import { Badge, Empty, Loading } from '../../../lib/ui/Page.jsx';
import { describeRoles, formatRateLimit } from '../model/operations.js';
import { Problem, TableWrap } from './bits.jsx';

/** Read-only: per operation of every live contract, the roles it requires, its rate limit and SLA tier. */
export function OperationsPanel({ operations }) {
  const rows = operations.data ?? [];
  return (
    <section className="panel" id="pl-operations" aria-labelledby="pl-operations-title">
      <h2 id="pl-operations-title">Operations: required roles and rate limits</h2>
      <p className="muted pl-small">Set in each contract (<code>x-required-roles</code>, <code>x-rate-limit</code>);
        change them by publishing a new version.</p>
      <Problem error={operations.error} />
      {operations.loading && !operations.data && <Loading label="Loading operations…" />}
      {operations.data && rows.length === 0 && <Empty>No live contract declares operations.</Empty>}
      {rows.length > 0 && (
        <TableWrap label="Operations">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col">Operation</th>
                <th scope="col">Required roles</th>
                <th scope="col">Rate limit</th>
                <th scope="col">SLA tier</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td><code>{row.contract}</code></td>
                  <td>
                    <span className="pl-method">{row.method}</span> <code>{row.path}</code>
                    {row.operationId && <div className="muted pl-small">{row.operationId}</div>}
                    {!row.routed && <> <Badge tone="warn">unrouted</Badge></>}
                  </td>
                  <td>{describeRoles(row)}</td>
                  <td>{formatRateLimit(row.rateLimit)}</td>
                  <td>{row.slaTier === undefined ? 'unknown' : row.slaTier ?? <span className="muted">none</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
