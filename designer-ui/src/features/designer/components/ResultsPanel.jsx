import { Badge } from '../../../lib/ui/Page.jsx';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { elementLabel } from '../bpmn/findingOverlays.js';

const BUSY_TEXT = { checking: 'Checking…', deploying: 'Deploying…' };

/**
 * The outcome of the last check or deploy (a live region, so screen readers hear it) and its findings: each finding
 * on an element has a button that selects and shows the element; findings about the whole file are listed too.
 */
export function ResultsPanel({ busy, result, error, onDismissError, templatesError, importWarnings, modeler, onReveal,
  deployBlocked }) {
  const tone = busy ? 'busy' : result ? (result.ok ? (result.findings.length ? 'warn' : 'ok') : 'bad') : 'idle';
  return (
    <section className="fg-section fg-results" aria-labelledby="fg-results-title">
      <h2 id="fg-results-title">Checks</h2>
      <p className={`fg-status fg-status-${tone}`} role="status" aria-live="polite" data-testid="designer-status">
        {busy ? BUSY_TEXT[busy] : result ? result.message
          : deployBlocked ?? 'Not checked yet: Check runs the deploy checks on the diagram.'}
      </p>
      {result?.stale && !busy && <p className="fg-note muted">The diagram changed since; check again to be sure.</p>}
      <ProblemMessage error={error} onDismiss={onDismissError} />
      {templatesError && (
        <ProblemMessage error={{
          title: 'Connectors are not in the palette',
          detail: `the connector templates could not be loaded (${templatesError.title ?? templatesError.message}${templatesError.detail ? `: ${templatesError.detail}` : ''})`,
        }} />
      )}
      {importWarnings?.length > 0 && (
        <p className="fg-note muted" title={importWarnings.map((w) => w.message).join('\n')}>
          Opened with {importWarnings.length} import warning{importWarnings.length === 1 ? '' : 's'} (parts bpmn-js did not understand).
        </p>
      )}
      {result?.findings.length > 0 && (
        <ul className="fg-findings" aria-label="Findings">
          {result.findings.map((f, i) => (
            <li key={i} className={`fg-finding fg-finding-${f.severity}`}>
              <Badge tone={f.severity === 'error' ? 'bad' : 'warn'}>{f.severity}</Badge>{' '}
              {f.elementId ? (
                <button type="button" className="link-button fg-finding-target" onClick={() => onReveal(f.elementId)}
                        data-element-id={f.elementId}>
                  {elementLabel(modeler, f.elementId)}
                </button>
              ) : (
                <span className="muted">{f.file ?? 'the file'}</span>
              )}
              <span className="fg-finding-reason">{f.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
