import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Link, useRouter } from '../../../lib/router/router.jsx';
import { useResource } from '../../../lib/ui/useResource.js';
import { useSession } from '../../../lib/session/SessionContext.js';
import { platformOnly } from '../../../lib/session/scope.js';
import { ProblemMessage } from '../../../lib/ui/ProblemMessage.jsx';
import { checkFlow, deployFlow, getFlow, getFlowXml } from '../api/flowsApi.js';
import { approvalTemplateXml, pickApproverRole } from '../model/approvalTemplate.js';
import { checkSummary, sortFindings } from '../model/findings.js';
import { describeDeployment } from '../model/deployResult.js';
import { newProcessId, processIdProblem } from '../model/processId.js';
import { createModeler } from '../bpmn/createModeler.js';
import { readProcess, updateProcess } from '../bpmn/processRoot.js';
import { revealElement, showFindings } from '../bpmn/findingOverlays.js';
import { fitBesidePalette } from '../bpmn/viewport.js';
import { DesignerToolbar } from './DesignerToolbar.jsx';
import { ResultsPanel } from './ResultsPanel.jsx';
import { UsedByPanel } from './UsedByPanel.jsx';
import { TemplateChooser } from './TemplateChooser.jsx';

const NO_HISTORY = { canUndo: false, canRedo: false, dirty: false };

/** The command stack position a saved/deployed diagram had (private field of diagram-js, with a fallback). */
function stackPosition(modeler) {
  const stack = modeler.get('commandStack');
  return typeof stack._stackIdx === 'number' ? stack._stackIdx : (stack.canUndo() ? NaN : -1);
}

/**
 * The designer workspace: toolbar, canvas with palette, and on the right the check/deploy results, the contract
 * operations using the flow and the properties panel. Exposes the modeler as `window.__flowgateModeler` for tests.
 */
export function FlowDesigner({ flowKey, version, templates, templatesError, roles }) {
  const client = useApi();
  // flows are shared by every tenant: a tenant admin may read and draw them, not check or deploy them
  const deployBlocked = platformOnly(useSession()?.session, 'check and deploy flows');
  const { navigate } = useRouter();
  const canvasRef = useRef(null);
  const panelRef = useRef(null);
  const [modeler, setModeler] = useState(null);
  const [processInfo, setProcessInfo] = useState({ id: '', name: '' });
  const [history, setHistory] = useState(NO_HISTORY);
  const [load, setLoad] = useState({ loading: true, error: null, warnings: [] });
  const [busy, setBusy] = useState(null); // 'checking' | 'deploying' | null
  const [result, setResult] = useState(null); // {kind, ok, message, findings, stale}
  const [error, setError] = useState(null);
  const [chooser, setChooser] = useState(null); // {element} while the template chooser is open
  const loadedRef = useRef(null);
  const cleanRef = useRef(-1);
  const clearOverlaysRef = useRef(null);

  const detail = useResource(
    (signal) => (flowKey ? getFlow(client, flowKey, { signal }) : Promise.resolve(null)),
    [flowKey],
  );

  const syncState = useCallback((m) => {
    const stack = m.get('commandStack');
    setHistory({ canUndo: stack.canUndo(), canRedo: stack.canRedo(), dirty: stackPosition(m) !== cleanRef.current });
    setProcessInfo(readProcess(m));
  }, []);

  const clearFindings = useCallback(() => {
    clearOverlaysRef.current?.();
    clearOverlaysRef.current = null;
  }, []);

  // (1) the modeler, once per mount
  useEffect(() => {
    const m = createModeler({
      container: canvasRef.current,
      propertiesParent: panelRef.current,
      templates,
      roles,
    });
    window.__flowgateModeler = m;
    loadedRef.current = null;
    const onChanged = (event) => {
      syncState(m);
      if (event?.trigger && event.trigger !== 'clear') {
        setResult((r) => (r && !r.stale ? { ...r, stale: true } : r));
      }
    };
    m.on('commandStack.changed', onChanged);
    const onSelectTemplate = (event) => setChooser({ element: event.element });
    m.on('elementTemplates.select', onSelectTemplate);
    const observer = typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => m.get('canvas').resized())
      : null;
    observer?.observe(canvasRef.current);
    setModeler(m);
    return () => {
      observer?.disconnect();
      m.off('commandStack.changed', onChanged);
      m.off('elementTemplates.select', onSelectTemplate);
      setChooser(null);
      clearOverlaysRef.current = null;
      m.destroy();
      if (window.__flowgateModeler === m) delete window.__flowgateModeler;
      setModeler(null);
    };
  }, [templates, roles, syncState]);

  // (2) the diagram: the blank approval, or the flow's XML (skipped when it is what is already open, e.g. right after
  // deploying a new flow moved the address to /flows/<id>)
  useEffect(() => {
    if (!modeler) return undefined;
    const want = { key: flowKey, version };
    if (loadedRef.current && loadedRef.current.key === want.key && loadedRef.current.version === want.version) {
      return undefined;
    }
    const controller = new AbortController();
    let cancelled = false;
    setLoad({ loading: true, error: null, warnings: [] });
    (async () => {
      try {
        const xml = flowKey
          ? await getFlowXml(client, flowKey, version ?? undefined, { signal: controller.signal })
          : approvalTemplateXml({ processId: newProcessId(), candidateGroup: pickApproverRole(roles) });
        if (cancelled) return;
        const { warnings } = await modeler.importXML(xml);
        if (cancelled) return;
        loadedRef.current = want;
        clearFindings();
        setResult(null);
        setError(null);
        cleanRef.current = stackPosition(modeler);
        fitBesidePalette(modeler);
        syncState(modeler);
        setLoad({ loading: false, error: null, warnings: warnings ?? [] });
      } catch (e) {
        if (cancelled || e?.name === 'AbortError') return;
        const failure = e?.title ? e : { title: 'Could not open the flow', detail: e?.message ?? String(e) };
        setLoad({ loading: false, error: failure, warnings: [] });
      }
    })();
    return () => {
      cancelled = true;
      controller.abort();
    };
  }, [modeler, flowKey, version, client, roles, clearFindings, syncState]);

  // leaving the page with changes that were not deployed asks first
  useEffect(() => {
    if (!history.dirty) return undefined;
    const onBeforeUnload = (event) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [history.dirty]);

  const reveal = useCallback((elementId) => {
    if (modeler) revealElement(modeler, elementId);
  }, [modeler]);

  const showResult = useCallback((next) => {
    clearFindings();
    if (modeler && next.findings.length) {
      clearOverlaysRef.current = showFindings(modeler, next.findings, { onSelect: (id) => revealElement(modeler, id) });
    }
    setResult({ ...next, findings: sortFindings(next.findings), stale: false });
  }, [modeler, clearFindings]);

  /** The XML and its file name, or null (with the reason shown) when the process id is not usable. */
  const prepare = useCallback(async () => {
    const { id } = readProcess(modeler);
    const problem = processIdProblem(id);
    if (problem) {
      setError({ title: 'The process id cannot be deployed', detail: problem, field: 'Process id' });
      return null;
    }
    const { xml } = await modeler.saveXML({ format: true });
    return { id, xml, file: `${id}.bpmn` };
  }, [modeler]);

  const runCheck = useCallback(async (prepared) => {
    const outcome = await checkFlow(client, prepared.xml, prepared.file);
    const message = checkSummary(outcome.findings);
    showResult({ kind: 'check', ok: outcome.ok, message, findings: outcome.findings });
    return outcome;
  }, [client, showResult]);

  const onCheck = useCallback(async () => {
    if (!modeler || busy) return;
    setError(null);
    setBusy('checking');
    try {
      const prepared = await prepare();
      if (prepared) await runCheck(prepared);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [modeler, busy, prepare, runCheck]);

  const onDeploy = useCallback(async () => {
    if (!modeler || busy) return;
    setError(null);
    setBusy('checking');
    try {
      const prepared = await prepare();
      if (!prepared) return;
      const checked = await runCheck(prepared);
      if (!checked.ok) {
        setResult((r) => r && { ...r, message: `${r.message} Nothing was deployed.` });
        return;
      }
      setBusy('deploying');
      const outcome = await deployFlow(client, prepared.xml, prepared.file);
      if (!outcome.ok) {
        showResult({ kind: 'deploy', ok: false, message: `Deploy refused. ${checkSummary(outcome.findings)}`, findings: outcome.findings });
        return;
      }
      const described = describeDeployment(outcome.answer, prepared.id);
      const position = stackPosition(modeler);
      cleanRef.current = position;
      syncState(modeler);
      showResult({ kind: 'deploy', ok: true, created: described.created, message: described.message, findings: outcome.findings });
      if (flowKey !== prepared.id || version) {
        // the open diagram is what was deployed: keep it (and its undo history) while the address follows
        loadedRef.current = { key: prepared.id, version: null };
        navigate(`/flows/${encodeURIComponent(prepared.id)}`, { replace: true });
      }
      if (flowKey === prepared.id) detail.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [modeler, busy, prepare, runCheck, client, showResult, syncState, flowKey, version, navigate, detail]);

  const onProcessChange = useCallback((properties) => {
    if (!modeler) return;
    if ('id' in properties) {
      const problem = processIdProblem(properties.id);
      if (problem) {
        setError({ title: 'Invalid process id', detail: problem, field: 'Process id' });
        return;
      }
    }
    setError(null);
    updateProcess(modeler, properties);
  }, [modeler]);

  const onOpenVersion = useCallback((v) => {
    if (history.dirty && !window.confirm('Open another version? Changes that were not deployed are lost.')) return;
    const latest = detail.data?.latestVersion;
    navigate(`/flows/${encodeURIComponent(flowKey)}${v && Number(v) !== latest ? `?version=${v}` : ''}`);
  }, [history.dirty, detail.data, flowKey, navigate]);

  const onImportFile = useCallback(async (text) => {
    if (!modeler) return;
    try {
      const { warnings } = await modeler.importXML(text);
      clearFindings();
      setResult(null);
      setError(null);
      cleanRef.current = NaN; // a file from disk is a change until it is deployed
      fitBesidePalette(modeler);
      syncState(modeler);
      setLoad({ loading: false, error: null, warnings: warnings ?? [] });
    } catch (e) {
      setError({ title: 'Could not open the file', detail: e?.message ?? String(e) });
    }
  }, [modeler, clearFindings, syncState]);

  const onDownload = useCallback(async () => {
    if (!modeler) return;
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${readProcess(modeler).id || 'flow'}.bpmn`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError({ title: 'Could not save the BPMN', detail: e?.message ?? String(e) });
    }
  }, [modeler]);

  const commands = {
    undo: () => modeler?.get('commandStack').undo(),
    redo: () => modeler?.get('commandStack').redo(),
    fit: () => modeler && fitBesidePalette(modeler),
  };

  const title = flowKey ? (detail.data?.name || processInfo.name || flowKey) : 'New flow';

  return (
    <section className="fg-designer" aria-labelledby="page-title">
      <DesignerToolbar
        title={title}
        isNew={!flowKey}
        processInfo={processInfo}
        onProcessChange={onProcessChange}
        detail={detail.data}
        version={version}
        onOpenVersion={onOpenVersion}
        history={history}
        busy={busy}
        ready={Boolean(modeler) && !load.loading && !load.error}
        commands={commands}
        onCheck={onCheck}
        onDeploy={onDeploy}
        deployBlocked={deployBlocked}
        onImportFile={onImportFile}
        onDownload={onDownload}
      />
      <div className="fg-body">
        <div className="fg-canvas-wrap">
          <div className="fg-canvas" ref={canvasRef} data-testid="designer-canvas" />
          {load.loading && <p className="fg-canvas-note loading" role="status">Opening the flow…</p>}
          {load.error && (
            <div className="fg-canvas-note">
              <ProblemMessage error={load.error} />
              <p className="fg-note">
                <Link to="/flows">Back to the flows</Link> or <Link to="/flows/new">start a new flow</Link>.
              </p>
            </div>
          )}
        </div>
        <aside className="fg-side" aria-label="Flow details">
          <ResultsPanel
            busy={busy}
            result={result}
            error={error}
            onDismissError={() => setError(null)}
            templatesError={templatesError}
            importWarnings={load.warnings}
            modeler={modeler}
            onReveal={reveal}
            deployBlocked={deployBlocked}
          />
          <UsedByPanel isNew={!flowKey} detail={detail} processId={processInfo.id} />
          <div className="fg-properties" ref={panelRef} aria-label="Properties" role="region" />
        </aside>
      </div>
      {chooser && modeler && (
        <TemplateChooser modeler={modeler} element={chooser.element} onClose={() => setChooser(null)} />
      )}
    </section>
  );
}
