import { schemaRows, summarizeSchema } from '../model/schema.js';
import { TableWrap } from './bits.jsx';
import { Prose } from './Prose.jsx';

/** A schema as a nested table: one row per property, indented by depth. Text only, whatever the document holds. */
export function SchemaTable({ schema, root, label }) {
  const rows = schemaRows(schema, { root });
  if (rows.length === 0) {
    const top = summarizeSchema(schema, root);
    return (
      <p className="ct-small">
        {top ? <><code>{top.type}</code>{top.refName ? <span className="muted"> ({top.refName})</span> : null}{' '}
          {top.type === 'object' ? <span className="muted">no properties declared</span> : null}</> : 'No schema.'}
      </p>
    );
  }
  return (
    <TableWrap label={label}>
      <table className="data ct-schema">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <span className="ct-field" style={{ paddingLeft: `${row.depth * 1.25}rem` }}>
                  {row.depth > 0 && <span className="ct-nest" aria-hidden="true">└ </span>}
                  <code>{row.name}</code>
                </span>
              </td>
              <td>
                <code>{row.type}</code>
                {row.refName && row.type !== row.refName && <span className="muted ct-small"> {row.refName}</span>}
              </td>
              <td>{row.required === true ? <strong>required</strong> : <span className="muted">{row.required === false ? 'optional' : ''}</span>}</td>
              <td><Details row={row} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Format, enum, constraints and description of one row (or of a parameter's schema). */
export function Details({ row }) {
  if (!row) return null;
  return (
    <div className="ct-details">
      {row.note && <div className="muted">{row.note}</div>}
      {row.format && <div>format <code>{row.format}</code></div>}
      {row.enum && (
        <div>
          one of{' '}
          {row.enum.map((v, i) => <span key={i}>{i > 0 && ', '}<code>{v}</code></span>)}
        </div>
      )}
      {row.constraints?.length > 0 && <div className="muted">{row.constraints.join(' · ')}</div>}
      <Prose text={row.description} />
    </div>
  );
}
