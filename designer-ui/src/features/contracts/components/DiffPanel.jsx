import { useEffect, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Badge, Empty, Loading, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { useResource } from '../../../lib/ui/useResource.js';
import { getDiff } from '../api/contractsApi.js';
import { defaultRange, presentDiff, versionNumbers } from '../model/diff.js';
import { BreakingBadge, MethodBadge, TableWrap } from './bits.jsx';

/** Compares two versions (by default the previous with the newest); breaking changes first and marked in words. */
export function DiffPanel({ name, versions, failed = false }) {
  const numbers = versionNumbers(versions);
  const fallback = defaultRange(versions);
  // null follows the default pair (which moves when a version is published); set once the user picks
  const [range, setRange] = useState(null);
  useEffect(() => setRange(null), [name]);
  const { from, to } = range ?? fallback ?? {};

  if (failed) return null; // the versions panel shows why
  if (!versions) return <Panel title="Compare versions"><Loading label="Loading versions…" /></Panel>;
  if (!fallback) {
    return (
      <Panel title="Compare versions">
        <Empty>Only one version is stored: nothing to compare yet.</Empty>
      </Panel>
    );
  }
  const pick = (key) => (event) => setRange({ from, to, [key]: Number(event.target.value) });
  return (
    <Panel title="Compare versions">
      <div className="toolbar">
        <label>
          From
          <select value={from} onChange={pick('from')}>
            {numbers.map((n) => <option key={n} value={n}>v{n}</option>)}
          </select>
        </label>
        <label>
          To
          <select value={to} onChange={pick('to')}>
            {numbers.map((n) => <option key={n} value={n}>v{n}</option>)}
          </select>
        </label>
        {from === to && <span className="muted">Choose two different versions.</span>}
      </div>
      {from !== to && <DiffResult name={name} from={from} to={to} />}
    </Panel>
  );
}

function DiffResult({ name, from, to }) {
  const client = useApi();
  const { data, error, loading } = useResource((signal) => getDiff(client, name, from, to, { signal }),
    [client, name, from, to]);
  if (error) {
    return (
      <>
        <ProblemMessage error={error} />
      </>
    );
  }
  if (loading || !data) return <Loading label="Comparing…" />;
  const diff = presentDiff(data);
  return (
    <div className="ct-diff" aria-live="polite">
      <p className="ct-diff-summary">
        <strong>v{diff.from ?? from} → v{diff.to ?? to}:</strong>{' '}
        {diff.counts.added} added · {diff.counts.removed} removed · {diff.counts.changed} changed{' '}
        {diff.breaking
          ? <><BreakingBadge /> <span>{diff.counts.breaking || 'some'} breaking for existing clients</span></>
          : <Badge tone="ok">no breaking changes</Badge>}
      </p>
      {diff.empty && <Empty>The two versions declare the same operations.</Empty>}
      {diff.sections.map((section) => (
        <section key={section.kind} className="ct-diff-section" aria-labelledby={`ct-diff-${section.kind}`}>
          <h3 id={`ct-diff-${section.kind}`}>{section.title} ({section.entries.length})</h3>
          <ul className="ct-diff-list">
            {section.entries.map((entry) => <DiffEntry key={entry.key} entry={entry} />)}
          </ul>
        </section>
      ))}
    </div>
  );
}

function DiffEntry({ entry }) {
  return (
    <li className={entry.breaking ? 'ct-diff-entry ct-breaking' : 'ct-diff-entry'}>
      <div className="ct-diff-head">
        <Badge tone={entry.kind === 'added' ? 'ok' : entry.kind === 'removed' ? 'bad' : 'info'}>{entry.kind}</Badge>
        <MethodBadge method={entry.method} />
        <code>{entry.path}</code>
        {entry.operationId && <span className="muted">({entry.operationId})</span>}
        {entry.breaking && <BreakingBadge />}
      </div>
      {entry.changes.length > 0 && (
        <TableWrap label={`Changes of ${entry.label}`}>
          <table className="data ct-changes">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Impact</th>
              </tr>
            </thead>
            <tbody>
              {entry.changes.map((c, i) => (
                <tr key={`${c.field}-${i}`} className={c.breaking ? 'ct-breaking' : undefined}>
                  <td><code>{c.field}</code></td>
                  <td><code>{c.from}</code></td>
                  <td><code>{c.to}</code></td>
                  <td>
                    {c.breaking ? <BreakingBadge /> : <Badge tone="muted">compatible</Badge>}
                    {c.detail && <div className="ct-small">{c.detail}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </li>
  );
}
