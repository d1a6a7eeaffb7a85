import { Link } from '../../../lib/router/router.jsx';
import { Badge, Panel } from '../../../lib/ui/Page.jsx';
import { describeOutcome } from '../model/report.js';
import { Findings } from './Findings.jsx';
import { MethodBadge, TableWrap } from './bits.jsx';

/** The gateway's report of a check or a publish: outcome, findings, unrouted operations, the operations read. */
export function PublishReport({ result, stale }) {
  const { kind, outcome, report } = result;
  const said = describeOutcome(outcome, report);
  const findings = report.findings ?? [];
  const unrouted = report.unrouted ?? [];
  const operations = report.operations ?? [];
  const published = outcome === 'created' || outcome === 'unchanged';
  return (
    <Panel title={kind === 'check' ? 'Check report' : 'Publish report'}>
      <div className="ct-outcome" role="status">
        <Badge tone={said.tone}>{said.badge}</Badge>
        <strong>{said.title}</strong>
        <span>{said.detail}</span>
        {published && report.name && (
          <Link to={`/contracts/${encodeURIComponent(report.name)}`}>Open {report.name}</Link>
        )}
      </div>
      {stale && <p className="notice">The document or name changed since this report: check again before publishing.</p>}
      {findings.length > 0 && (
        <section className="ct-part" aria-labelledby="ct-report-findings">
          <h3 id="ct-report-findings">Findings ({findings.length})</h3>
          <Findings findings={findings} label="Findings of the report" />
        </section>
      )}
      {unrouted.length > 0 && (
        <section className="ct-part" aria-labelledby="ct-report-unrouted">
          <h3 id="ct-report-unrouted">Unrouted operations ({unrouted.length})</h3>
          <p className="muted ct-small">No <code>x-flow-id</code>: they answer 501 until bound to a flow.</p>
          <ul className="ct-plain-list">
            {unrouted.map((label) => <li key={String(label)}><code>{String(label)}</code></li>)}
          </ul>
        </section>
      )}
      {operations.length > 0 && (
        <section className="ct-part" aria-labelledby="ct-report-operations">
          <h3 id="ct-report-operations">Operations ({operations.length})</h3>
          <TableWrap label="Operations of the report">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Path</th>
                  <th scope="col">operationId</th>
                  <th scope="col">Flow</th>
                  <th scope="col">Mode</th>
                </tr>
              </thead>
              <tbody>
                {operations.map((op) => (
                  <tr key={`${op.method} ${op.path}`}>
                    <td><MethodBadge method={op.method} /></td>
                    <td><code>{op.path}</code></td>
                    <td>{op.operationId ?? <span className="muted">—</span>}</td>
                    <td>{op.flow ? <code>{op.flow.id ?? op.flow.action}</code> : <Badge tone="warn">unrouted</Badge>}</td>
                    <td>{op.flow?.mode ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
    </Panel>
  );
}
