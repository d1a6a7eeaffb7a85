import { useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link } from '../../../lib/router/router.jsx';
import { Empty, Loading, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { getSource } from '../api/contractsApi.js';
import { TableWrap } from './bits.jsx';

/** The version history, newest first, with each version's document on demand. */
export function VersionsPanel({ name, versions }) {
  const client = useApi();
  const [shown, setShown] = useState(null); // { version, text?, error?, loading }
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);

  const view = async (version) => {
    if (shown?.version === version) {
      setShown(null);
      return;
    }
    setShown({ version, loading: true });
    try {
      const text = await getSource(client, name, version);
      setShown((s) => (s?.version === version ? { version, text } : s));
    } catch (error) {
      setShown((s) => (s?.version === version ? { version, error } : s));
    }
  };

  return (
    <Panel title="Versions">
      <ProblemMessage error={versions.error} />
      {versions.loading && !versions.data && <Loading label="Loading versions…" />}
      {versions.data && list.length === 0 && <Empty>No stored versions.</Empty>}
      {list.length > 0 && (
        <TableWrap label="Versions">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
                <th scope="col">Operations</th>
                <th scope="col">SHA-256</th>
                <th scope="col"><span className="ct-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td>{formatTime(v.publishedAt)}</td>
                  <td>{v.operations}</td>
                  <td><code title={v.sha256}>{String(v.sha256 ?? '').slice(0, 12)}</code></td>
                  <td>
                    <div className="ct-actions">
                      <button type="button" className="link-button" aria-expanded={shown?.version === v.version}
                              aria-controls="ct-source" onClick={() => view(v.version)}>
                        {shown?.version === v.version ? 'Hide source' : 'View source'}
                        <span className="ct-visually-hidden"> of version {v.version}</span>
                      </button>
                      <Link to={`/contracts/${encodeURIComponent(name)}/docs?version=${v.version}`}>
                        Docs<span className="ct-visually-hidden"> of version {v.version}</span>
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {shown && (
        <div id="ct-source" className="ct-source">
          <h3>Source of version {shown.version}</h3>
          {shown.loading && <Loading label="Loading the document…" />}
          <ProblemMessage error={shown.error} />
          {shown.text !== undefined && <pre tabIndex={0} aria-label={`Source of version ${shown.version}`}>{shown.text}</pre>}
        </div>
      )}
    </Panel>
  );
}
