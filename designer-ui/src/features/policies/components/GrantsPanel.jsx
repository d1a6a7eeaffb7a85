import { useEffect, useId, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { Empty, Loading } from '../../../lib/ui/Page.jsx';
import { useSession } from '../../../lib/session/SessionContext.js';
import { TENANT_ADMIN } from '../../../lib/session/scope.js';
import { saveGrants } from '../api/policiesApi.js';
import { grantsChanged, missingFields, toRow } from '../model/grants.js';
import { Problem, TableWrap } from './bits.jsx';

/**
 * The stored role grants as an editable table, saved all at once (the gateway replaces every stored grant and
 * applies them at once); the policy file's grants beside them, read-only. A tenant admin sees and saves its own
 * tenant's grants only: their tenant is fixed, and the other tenants' grants are kept as they are.
 */
export function GrantsPanel({ policies, known }) {
  const client = useApi();
  const session = useSession()?.session;
  const ownTenant = session?.scope === TENANT_ADMIN ? session.tenant : null;
  const ids = useId();
  const stored = policies.data?.grants;
  const [base, setBase] = useState(null); // the grants the rows started from (stored, or the last save's answer)
  const [rows, setRows] = useState([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(null);
  const dirty = base !== null && grantsChanged(rows, base);

  // take the stored grants when they arrive or change, unless the user is editing
  useEffect(() => {
    if (stored && !dirty) {
      setBase(stored);
      setRows(stored.map(toRow));
    }
  }, [stored]); // eslint-disable-line react-hooks/exhaustive-deps

  const update = (key, field) => (event) => {
    setSaved(null);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: event.target.value } : r)));
  };
  const add = () => {
    setSaved(null);
    setRows((rs) => [...rs, toRow({ domain: ownTenant ?? '*' })]);
    // the new row's first field gets focus once rendered
    setTimeout(() => document.querySelector('.pl-grants tbody tr:last-child input')?.focus(), 0);
  };
  const remove = (key) => setRows((rs) => rs.filter((r) => r.key !== key));
  const save = async (event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const answer = await saveGrants(client, rows);
      setBase(answer?.grants ?? []);
      setRows((answer?.grants ?? []).map(toRow));
      setSaved(`Saved ${answer?.grants?.length ?? 0} grant(s); in effect now.`);
      policies.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" id="pl-grants" aria-labelledby="pl-grants-title">
      <h2 id="pl-grants-title">Role grants</h2>
      <p className="muted pl-small">
        A subject (a user, or <code>role:&lt;name&gt;</code> for everyone holding that role) holds a role in a tenant
        (<code>*</code> for every tenant).
        {ownTenant && <> These are the grants of tenant <code>{ownTenant}</code>; grants in other tenants and in
          every tenant are the platform admin&apos;s.</>}
      </p>
      <Problem error={policies.error} />
      {policies.loading && !policies.data && <Loading label="Loading grants…" />}
      {policies.data && (
        <form onSubmit={save} className="pl-grants-form">
          <datalist id={`${ids}-roles`}>{known.map((r) => <option key={r} value={r} />)}</datalist>
          {rows.length === 0 ? <Empty>No stored grants.</Empty> : (
            <TableWrap label="Role grants">
              <table className="data pl-grants">
                <thead>
                  <tr>
                    <th scope="col">Subject</th>
                    <th scope="col">Role</th>
                    <th scope="col">Tenant</th>
                    <th scope="col"><span className="pl-visually-hidden">Remove</span></th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => {
                    const missing = missingFields(row);
                    return (
                      <tr key={row.key}>
                        <td>
                          <input aria-label={`Subject of grant ${i + 1}`} value={row.subject} spellCheck={false}
                                 placeholder="alice or role:lead" onChange={update(row.key, 'subject')}
                                 aria-invalid={missing.includes('subject') || undefined} />
                        </td>
                        <td>
                          <input aria-label={`Role of grant ${i + 1}`} value={row.role} list={`${ids}-roles`}
                                 spellCheck={false} onChange={update(row.key, 'role')}
                                 aria-invalid={missing.includes('role') || undefined} />
                        </td>
                        <td>
                          <input aria-label={`Tenant of grant ${i + 1}`} value={row.domain} spellCheck={false}
                                 placeholder="* or a tenant" onChange={update(row.key, 'domain')} className="pl-narrow"
                                 readOnly={Boolean(ownTenant)} title={ownTenant ? 'Your tenant' : undefined}
                                 aria-invalid={missing.includes('domain') || undefined} />
                        </td>
                        <td>
                          <button type="button" className="link-button" onClick={() => remove(row.key)}>
                            Remove<span className="pl-visually-hidden"> grant {i + 1}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          )}
          <div className="toolbar">
            <button type="button" onClick={add}>Add grant</button>
            <button type="submit" className="primary" disabled={!dirty || saving}>{saving ? 'Saving…' : 'Save grants'}</button>
            <button type="button" disabled={!dirty || saving}
                    onClick={() => { setRows((base ?? []).map(toRow)); setError(null); }}>
              Discard changes
            </button>
            {dirty && <span className="muted pl-small">Unsaved changes</span>}
            {saved && <span role="status" className="pl-saved">{saved}</span>}
          </div>
          <Problem error={error} onDismiss={() => setError(null)} />
        </form>
      )}
      {policies.data?.fileGrants?.length > 0 && (
        <details className="pl-file-grants">
          <summary>From the policy file ({policies.data.fileGrants.length}, read-only)</summary>
          <TableWrap label="Grants from the policy file">
            <table className="data">
              <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Tenant</th></tr></thead>
              <tbody>
                {policies.data.fileGrants.map((g, i) => (
                  <tr key={i}><td><code>{g.subject}</code></td><td><code>{g.role}</code></td><td>{g.domain}</td></tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      )}
    </section>
  );
}
