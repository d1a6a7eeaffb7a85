import { Badge } from '../../../lib/ui/Page.jsx';
import { formatRateLimit } from '../model/operations.js';
import { summarizeSchema } from '../model/schema.js';
import { MethodBadge, TableWrap } from './bits.jsx';
import { Prose } from './Prose.jsx';
import { Details, SchemaTable } from './SchemaTable.jsx';

/** One operation of the docs: what it does, what it takes, what it answers, and what Flowgate runs behind it. */
export function OperationDoc({ op, root }) {
  return (
    <article id={op.anchor} className="ct-op" aria-labelledby={`${op.anchor}-title`}>
      <header className="ct-op-head">
        <MethodBadge method={op.method} />
        <h3 id={`${op.anchor}-title`} className="ct-op-path"><code>{op.path}</code></h3>
        {op.operationId && <span className="muted"><code>{op.operationId}</code></span>}
        {op.deprecated && <Badge tone="warn">deprecated</Badge>}
      </header>
      {op.summary && <p className="ct-op-summary">{op.summary}</p>}
      <Prose text={op.description} />
      <FlowBox flow={op.flow} />
      <Parameters op={op} root={root} />
      {op.requestBody && (
        <section className="ct-op-part">
          <h4>Request body {op.requestBody.required ? <Badge tone="info">required</Badge> : <Badge>optional</Badge>}</h4>
          <Prose text={op.requestBody.description} />
          {op.requestBody.contents.map((c) => (
            <div key={c.mediaType}>
              <p className="ct-small muted"><code>{c.mediaType}</code></p>
              <SchemaTable schema={c.schema} root={root} label={`Request body of ${op.key}, ${c.mediaType}`} />
            </div>
          ))}
        </section>
      )}
      <Responses op={op} root={root} />
    </article>
  );
}

function FlowBox({ flow }) {
  const roles = flow.isPublic ? 'public (no authentication)'
    : flow.roles.length ? flow.roles.join(', ') : 'any authenticated caller';
  return (
    <dl className="ct-flow" aria-label="Flowgate extensions">
      <div>
        <dt>Flow</dt>
        <dd>
          {flow.flowId ? (
            <>
              <code>{flow.flowId}</code> · {flow.action} · <strong>{flow.mode}</strong>
              {flow.timeout && ` · timeout ${flow.timeout}`}
              {flow.message && <> · message <code>{flow.message}</code></>}
              {flow.task && <> · task <code>{flow.task}</code></>}
              {flow.buffer && ` · buffer ${flow.buffer}`}
            </>
          ) : flow.action === 'mock' ? <span>mock: answers its declared example, no flow runs</span>
            : <Badge tone="warn">unrouted: answers 501</Badge>}
        </dd>
      </div>
      {flow.businessKey && <div><dt>Business key</dt><dd><code>{flow.businessKey}</code></dd></div>}
      <div><dt>Roles</dt><dd>{roles}</dd></div>
      <div><dt>Rate limit</dt><dd>{formatRateLimit(flow.rateLimit)}</dd></div>
      <div><dt>SLA tier</dt><dd>{flow.slaTier ?? <span className="muted">none</span>}</dd></div>
      {flow.idempotency && <div><dt>Idempotency</dt><dd>{flow.idempotency}</dd></div>}
      {flow.webhookScheme && <div><dt>Webhook</dt><dd>{flow.webhookScheme} signature</dd></div>}
      {flow.errors.length > 0 && (
        <div>
          <dt>BPMN errors</dt>
          <dd>{flow.errors.map((e, i) => <span key={e.code}>{i > 0 && ', '}<code>{e.code}</code> → {e.status}</span>)}</dd>
        </div>
      )}
    </dl>
  );
}

function Parameters({ op, root }) {
  if (op.parameters.length === 0) return null;
  return (
    <section className="ct-op-part">
      <h4>Parameters</h4>
      <TableWrap label={`Parameters of ${op.key}`}>
        <table className="data ct-schema">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => {
              const schema = summarizeSchema(p.schema, root);
              return (
                <tr key={p.key}>
                  <td><code>{p.name}</code>{p.deprecated && <> <Badge tone="warn">deprecated</Badge></>}</td>
                  <td>{p.in}</td>
                  <td>{schema ? <code>{schema.type}</code> : <span className="muted">—</span>}</td>
                  <td>{p.required ? <strong>required</strong> : <span className="muted">optional</span>}</td>
                  <td><Details row={{ ...schema, description: p.description ?? schema?.description }} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Responses({ op, root }) {
  if (op.responses.length === 0) return null;
  return (
    <section className="ct-op-part">
      <h4>Responses</h4>
      <ul className="ct-responses">
        {op.responses.map((r) => (
          <li key={r.status}>
            <div className="ct-response-head">
              <Badge tone={statusTone(r.status)}>{r.status}</Badge>
              <Prose text={r.description} className="ct-inline-prose" />
              {r.headers.length > 0 && <span className="muted ct-small">headers: {r.headers.join(', ')}</span>}
            </div>
            {r.contents.filter((c) => c.schema).map((c) => (
              <details key={c.mediaType} className="ct-response-schema">
                <summary>
                  <code>{c.mediaType}</code> schema
                  {summarizeSchema(c.schema, root)?.refName ? ` (${summarizeSchema(c.schema, root).refName})` : ''}
                </summary>
                <SchemaTable schema={c.schema} root={root} label={`Response ${r.status} of ${op.key}, ${c.mediaType}`} />
              </details>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function statusTone(status) {
  if (status.startsWith('2')) return 'ok';
  if (status.startsWith('3')) return 'info';
  if (status.startsWith('4')) return 'warn';
  if (status.startsWith('5')) return 'bad';
  return 'muted';
}
