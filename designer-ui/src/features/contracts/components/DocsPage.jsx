import { useMemo } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link, useQuery, useRouter } from '../../../lib/router/router.jsx';
import { Badge, Loading, Page, Panel } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { useResource } from '../../../lib/ui/useResource.js';
import { getContract, getOpenApi, listVersions } from '../api/contractsApi.js';
import { versionNumbers } from '../model/diff.js';
import { docModel } from '../model/openapi.js';
import { MethodBadge, RenderGuard } from './bits.jsx';
import { OperationDoc } from './OperationDoc.jsx';
import { Prose } from './Prose.jsx';
import './contracts.css';

/**
 * `/contracts/:name/docs[?version=]`: the contract's OpenAPI rendered by the console (no third-party viewer; the
 * document's text is rendered as text, never as HTML).
 */
export default function DocsPage({ name }) {
  const client = useApi();
  const { navigate } = useRouter();
  const query = useQuery();
  const asked = /^\d+$/.test(query.version ?? '') ? Number(query.version) : null;
  const contract = useResource((signal) => getContract(client, name, { signal }), [client, name]);
  const versions = useResource((signal) => listVersions(client, name, { signal }), [client, name]);
  const version = asked ?? contract.data?.version ?? null;
  const doc = useResource(
    (signal) => (version === null ? Promise.resolve(null) : getOpenApi(client, name, version, { signal })),
    [client, name, version],
  );
  const numbers = versionNumbers(versions.data);
  const base = `/contracts/${encodeURIComponent(name)}`;

  return (
    <Page title={`Docs: ${contract.data?.title ?? name}`} wide actions={(
      <span className="ct-header-actions">
        <Link to={base}>Back to the contract</Link>
        {numbers.length > 1 && (
          <label className="inline">
            Version
            <select value={version ?? ''} onChange={(e) => navigate(`${base}/docs?version=${e.target.value}`, { replace: true })}>
              {numbers.map((n) => <option key={n} value={n}>v{n}{n === contract.data?.version ? ' (live)' : ''}</option>)}
            </select>
          </label>
        )}
      </span>
    )}>
      <ProblemMessage error={contract.error && !asked ? contract.error : null} />
      <ProblemMessage error={doc.error} />
      {(doc.loading || (version === null && contract.loading)) && !doc.data && <Loading label="Loading the document…" />}
      {doc.data && (
        <RenderGuard what="The document">
          <Docs document={doc.data} version={version} />
        </RenderGuard>
      )}
    </Page>
  );
}

function Docs({ document, version }) {
  const model = useMemo(() => docModel(document), [document]);
  return (
    <div className="ct-docs">
      <nav className="ct-toc" aria-label="Operations">
        <h2>Operations</h2>
        {model.groups.map((group) => (
          <div key={group.tag}>
            <h3>{group.tag}</h3>
            <ul>
              {group.operations.map((op) => (
                <li key={op.key}>
                  <a href={`#${op.anchor}`} onClick={jumpTo(op.anchor)}>
                    <MethodBadge method={op.method} /> <span className="ct-toc-path">{op.path}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="ct-docs-body">
        <Panel>
          <div className="ct-doc-title">
            <h2>{model.title}</h2>
            {model.version && <Badge tone="info">API {model.version}</Badge>}
            <Badge>contract v{version}</Badge>
            {model.openapi && <Badge>OpenAPI {model.openapi}</Badge>}
          </div>
          <Prose text={model.description} />
          {model.servers.length > 0 && (
            <div className="ct-part">
              <h3>Servers</h3>
              <ul className="ct-plain-list">
                {model.servers.map((s, i) => (
                  <li key={i}><code>{s.url}</code>{s.description && <span className="muted"> — {s.description}</span>}</li>
                ))}
              </ul>
            </div>
          )}
        </Panel>
        {model.operationCount === 0 && <Panel><p className="muted">The document declares no operations.</p></Panel>}
        {model.groups.map((group) => (
          <section key={group.tag} className="panel ct-tag" aria-label={group.tag}>
            <h2>{group.tag}</h2>
            <Prose text={group.description} className="muted" />
            {group.operations.map((op) => <OperationDoc key={op.key} op={op} root={document} />)}
          </section>
        ))}
      </div>
    </div>
  );
}

/** In-page jumps without touching the router's path; focus follows for keyboard users. */
function jumpTo(anchor) {
  return (event) => {
    const target = window.document.getElementById(anchor);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
}
