import { useId, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link } from '../../../lib/router/router.jsx';
import { Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { NotYours } from '../../../lib/ui/NotYours.jsx';
import { useSession } from '../../../lib/session/SessionContext.js';
import { platformOnly } from '../../../lib/session/scope.js';
import { publishContract } from '../api/contractsApi.js';
import { RenderGuard } from './bits.jsx';
import { PublishReport } from './PublishReport.jsx';
import './contracts.css';

/** Largest document read from a file here; the gateway has its own body limit and says so. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * `/contracts/publish`: a document from a file or pasted, checked (dry run) and then published; each answer is shown
 * as a report (findings with where they point, unrouted operations, the new version or "unchanged").
 */
export default function PublishPage() {
  const client = useApi();
  const ids = useId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(null); // 'check' | 'publish'
  const [result, setResult] = useState(null); // { kind, outcome, report, sent }
  const [error, setError] = useState(null);
  // contracts are shared by every tenant: checking and publishing them is the platform admin's
  const blocked = platformOnly(useSession()?.session, 'check and publish contracts');

  const readFile = async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError({ title: 'File too large', detail: `${file.name} is over ${MAX_FILE_BYTES / 1024 / 1024} MiB` });
      return;
    }
    try {
      setText(await file.text());
      setFileName(file.name);
    } catch (cause) {
      setError({ title: 'Could not read the file', detail: String(cause?.message ?? cause) });
    }
  };

  const send = async (kind) => {
    setBusy(kind);
    setError(null);
    const sent = { text, name };
    try {
      const answer = await publishContract(client, text, { name, dryRun: kind === 'check', fileName });
      setResult({ kind, ...answer, sent });
    } catch (cause) {
      setResult(null);
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  const empty = text.trim() === '';
  const stale = result && (result.sent.text !== text || result.sent.name !== name);
  return (
    <Page title="Publish a contract" actions={<span className="ct-header-actions"><Link to="/contracts">All contracts</Link></span>}>
      <Panel>
        <form className="ct-publish" onSubmit={(e) => { e.preventDefault(); if (!blocked) send('publish'); }}>
          <div className="ct-publish-fields">
            <label>
              Upload a file
              <input type="file" accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
                     onChange={readFile} />
            </label>
            <label>
              Name <span className="muted">(optional: else info.x-contract-name, else a slug of the title)</span>
              <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off"
                     spellCheck={false} />
            </label>
          </div>
          <div className="ct-document-label">
            <label htmlFor={`${ids}-doc`}>Contract document</label>
            <span id={`${ids}-hint`} className="muted ct-small">
              OpenAPI 3.0 or 3.1, YAML or JSON{fileName ? ` — read from ${fileName}` : ''}
            </span>
          </div>
          <textarea id={`${ids}-doc`} aria-describedby={`${ids}-hint`} className="code ct-document" rows={18}
                    value={text} spellCheck={false}
                    onChange={(e) => { setText(e.target.value); setFileName(null); }}
                    placeholder={'openapi: 3.0.3\ninfo:\n  title: …'} />
          <div className="toolbar">
            <button type="button" disabled={empty || busy !== null || Boolean(blocked)} onClick={() => send('check')}
                    title={blocked ?? undefined}>
              {busy === 'check' ? 'Checking…' : 'Check'}
            </button>
            <button type="submit" className="primary" disabled={empty || busy !== null || Boolean(blocked)}
                    title={blocked ?? undefined}>
              {busy === 'publish' ? 'Publishing…' : 'Publish'}
            </button>
            {blocked ? <NotYours reason={blocked} />
              : <span className="muted ct-small">Check runs every publish check without publishing.</span>}
          </div>
        </form>
      </Panel>
      <ProblemMessage error={error} onDismiss={() => setError(null)} />
      {result && (
        <RenderGuard what="The report">
          <PublishReport result={result} stale={stale} />
        </RenderGuard>
      )}
    </Page>
  );
}
