import { useEffect, useRef, useState } from 'react';
import { Link } from '../../../lib/router/router.jsx';

/**
 * The designer's toolbar: back to the list, the flow's title, process id and name, the version shown, and the
 * commands — every one a real button (Tab reaches it, :focus-visible outlines it) with an accessible name.
 */
export function DesignerToolbar({
  title, isNew, processInfo, onProcessChange, detail, version, onOpenVersion, history, busy, ready, commands,
  onCheck, onDeploy, deployBlocked, onImportFile, onDownload,
}) {
  const fileRef = useRef(null);
  const versions = Array.isArray(detail?.versions) ? [...detail.versions].sort((a, b) => b.version - a.version) : [];
  const latest = detail?.latestVersion ?? versions[0]?.version;
  const shown = version ? Number(version) : latest;
  const disabled = !ready || Boolean(busy) || Boolean(deployBlocked);

  const onFile = async (event) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onImportFile(await file.text());
  };

  return (
    <header className="fg-toolbar">
      <Link to="/flows" className="fg-back">← Flows</Link>
      <h1 id="page-title" tabIndex={-1} className="fg-title" title={title}>{title}</h1>
      <CommitField label="Process id" value={processInfo.id} disabled={!ready} className="fg-field-id"
                   onCommit={(id) => onProcessChange({ id })} spellCheck={false} />
      <CommitField label="Name" value={processInfo.name} disabled={!ready} className="fg-field-name"
                   onCommit={(name) => onProcessChange({ name: name || undefined })} />
      {!isNew && versions.length > 0 && (
        <label className="fg-field fg-field-version">
          <span>Version</span>
          <select value={shown ?? ''} onChange={(e) => onOpenVersion(e.target.value)} disabled={Boolean(busy)}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}{v.version === latest ? ' (latest)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="fg-commands" role="group" aria-label="Diagram">
        <button type="button" className="fg-icon-button" onClick={commands.undo} disabled={!ready || !history.canUndo}
                aria-label="Undo" title="Undo (Ctrl+Z)">↶</button>
        <button type="button" className="fg-icon-button" onClick={commands.redo} disabled={!ready || !history.canRedo}
                aria-label="Redo" title="Redo (Ctrl+Y)">↷</button>
        <button type="button" className="fg-icon-button" onClick={commands.fit} disabled={!ready}
                aria-label="Fit diagram" title="Fit the diagram into view">⤢</button>
        <button type="button" className="fg-icon-button" onClick={() => fileRef.current?.click()} disabled={Boolean(busy)}
                aria-label="Open a BPMN file" title="Open a .bpmn file from disk">⇪</button>
        <input ref={fileRef} type="file" accept=".bpmn,.xml,application/xml,text/xml" hidden onChange={onFile}
               tabIndex={-1} aria-hidden="true" />
        <button type="button" className="fg-icon-button" onClick={onDownload} disabled={!ready}
                aria-label="Download BPMN" title="Download the diagram as a .bpmn file">⤓</button>
      </div>
      <div className="fg-commands fg-commands-main" role="group" aria-label="Flow">
        {history.dirty && <span className="fg-dirty" title="There are changes that were not deployed">● changed</span>}
        <button type="button" onClick={onCheck} disabled={disabled} aria-busy={busy === 'checking'}
                title={deployBlocked ?? 'Run the deploy checks without deploying'}>Check</button>
        <button type="button" className="primary" onClick={onDeploy} disabled={disabled} aria-busy={busy === 'deploying'}
                title={deployBlocked ?? 'Check, then deploy a new version'}>Deploy</button>
      </div>
    </header>
  );
}

/** A text field that writes its value on blur or Enter (Escape reverts), so each edit is one undoable command. */
function CommitField({ label, value, onCommit, disabled, className, ...rest }) {
  const [draft, setDraft] = useState(value ?? '');
  const [editing, setEditing] = useState(false);
  const revert = useRef(false);

  useEffect(() => {
    if (!editing) setDraft(value ?? '');
  }, [value, editing]);

  const commit = () => {
    setEditing(false);
    if (revert.current) {
      revert.current = false;
      setDraft(value ?? '');
      return;
    }
    const next = draft.trim();
    if (next !== (value ?? '')) onCommit(next);
  };

  return (
    <label className={`fg-field ${className ?? ''}`}>
      <span>{label}</span>
      <input
        {...rest}
        value={editing ? draft : (value ?? '')}
        disabled={disabled}
        onFocus={() => {
          setDraft(value ?? '');
          setEditing(true);
        }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            revert.current = true;
            e.currentTarget.blur();
          }
        }}
      />
    </label>
  );
}
