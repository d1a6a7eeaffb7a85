import { useEffect, useMemo, useRef, useState } from 'react';

/**
 * The element template chooser the properties panel's "Select" / "Change" template buttons ask for (event
 * `elementTemplates.select`): a modal list of the connector templates that apply to the element, with a filter.
 * Choosing one applies it through `elementTemplates.applyTemplate` (one undoable command).
 */
export function TemplateChooser({ modeler, element, onClose }) {
  const dialogRef = useRef(null);
  const [filter, setFilter] = useState('');
  const templates = useMemo(() => {
    const elementTemplates = modeler.get('elementTemplates');
    return [...elementTemplates.getLatest(element)].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }, [modeler, element]);
  const current = modeler.get('elementTemplates').get(element);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? templates.filter((t) => `${t.name} ${t.id} ${t.description ?? ''}`.toLowerCase().includes(needle))
    : templates;

  // modal while mounted; unmounting removes it (closing it here would, under StrictMode's double effects, fire a
  // late 'close' that unmounts the chooser right after it opened)
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
  }, []);

  const choose = (template) => {
    modeler.get('elementTemplates').applyTemplate(element, template);
    onClose();
  };

  return (
    <dialog ref={dialogRef} className="fg-chooser" aria-labelledby="fg-chooser-title"
            onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <header className="fg-chooser-header">
        <h2 id="fg-chooser-title">Choose a connector</h2>
        <button type="button" onClick={onClose} aria-label="Close">✕</button>
      </header>
      <label className="fg-field">
        <span>Filter</span>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus
               placeholder="name, id or description" />
      </label>
      {shown.length === 0 ? (
        <p className="empty">No connector template applies{needle ? ' or matches the filter' : ''}.</p>
      ) : (
        <ul className="fg-chooser-list">
          {shown.map((t) => (
            <li key={`${t.id}@${t.version}`}>
              <button type="button" onClick={() => choose(t)} aria-current={current?.id === t.id ? 'true' : undefined}
                      data-template-id={t.id}>
                <strong>{t.name}</strong>
                <span className="muted">{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </dialog>
  );
}
