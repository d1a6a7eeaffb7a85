import { useEffect, useState } from 'react';
import { STATES } from '../api/instanceQuery.js';

const EMPTY = { flow: '', state: '', businessKey: '', from: '', to: '' };

/**
 * The filter bar. Edits stay local until applied (Enter or "Apply"), so typing a business key does not send a
 * request per key; the state select applies at once. `onApply` gets the new filters, always on page 0.
 */
export function InstanceFilters({ filters, flows, onApply }) {
  const [draft, setDraft] = useState(() => pick(filters));
  useEffect(() => setDraft(pick(filters)), [filters.flow, filters.state, filters.businessKey, filters.from, filters.to]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (key) => (event) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  const apply = (next) => onApply({ ...filters, ...next, page: 0 });

  return (
    <form className="toolbar fgi-filters" role="search" aria-label="Filter instances"
          onSubmit={(event) => { event.preventDefault(); apply(draft); }}>
      <label>
        Flow
        <input name="flow" list="fgi-flow-keys" value={draft.flow} onChange={set('flow')} placeholder="any flow" />
        <datalist id="fgi-flow-keys">
          {flows.map((f) => <option key={f.key} value={f.key}>{f.name}</option>)}
        </datalist>
      </label>
      <label>
        State
        <select name="state" value={draft.state}
                onChange={(event) => { setDraft((d) => ({ ...d, state: event.target.value })); apply({ ...draft, state: event.target.value }); }}>
          <option value="">any state</option>
          {STATES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label>
        Business key
        <input name="businessKey" value={draft.businessKey} onChange={set('businessKey')} placeholder="exact key" />
      </label>
      <label>
        Started from
        <input name="from" type="date" value={draft.from} onChange={set('from')} />
      </label>
      <label>
        Started to
        <input name="to" type="date" value={draft.to} onChange={set('to')} />
      </label>
      <button type="submit" className="primary">Apply</button>
      <button type="button" onClick={() => { setDraft(EMPTY); apply(EMPTY); }}>Clear</button>
    </form>
  );
}

function pick(filters) {
  return { flow: filters.flow, state: filters.state, businessKey: filters.businessKey, from: filters.from, to: filters.to };
}
