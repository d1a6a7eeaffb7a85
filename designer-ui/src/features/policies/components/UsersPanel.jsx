import { useId, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { useSubmit } from '../../../lib/ui/useSubmit.js';
import { Badge, Empty, Loading } from '../../../lib/ui/Page.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { useSession } from '../../../lib/session/SessionContext.js';
import { TENANT_ADMIN } from '../../../lib/session/scope.js';
import { createUser, deleteUser, updateUser } from '../api/policiesApi.js';
import { mergeRoles, splitRoles } from '../model/roles.js';
import { describeTenant } from '../model/users.js';
import { ConfirmButton, Problem, RolesField, TableWrap } from './bits.jsx';

/**
 * Users with their roles and tenant; create, change roles/tenant (and optionally the password), delete. A tenant
 * admin sees its own tenant's users and keeps every user it creates or changes in that tenant.
 */
export function UsersPanel({ users, known }) {
  const client = useApi();
  const [editing, setEditing] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const list = [...(users.data ?? [])].sort((a, b) => a.username.localeCompare(b.username));

  const remove = async (username) => {
    setError(null);
    try {
      await deleteUser(client, username);
      setNotice(`Deleted ${username}.`);
      users.reload();
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <section className="panel" id="pl-users" aria-labelledby="pl-users-title">
      <h2 id="pl-users-title">Users</h2>
      <Problem error={users.error} />
      <Problem error={error} onDismiss={() => setError(null)} />
      {notice && <p role="status" className="pl-saved">{notice}</p>}
      {users.loading && !users.data && <Loading label="Loading users…" />}
      {users.data && list.length === 0 && <Empty>No users.</Empty>}
      {list.length > 0 && (
        <TableWrap label="Users">
          <table className="data pl-users">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Roles</th>
                <th scope="col">Tenant</th>
                <th scope="col">Updated</th>
                <th scope="col"><span className="pl-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (editing === user.username ? (
                <tr key={user.username} className="pl-editing">
                  <td colSpan={5}>
                    <EditUser user={user} known={known}
                              onDone={(message) => { setEditing(null); setNotice(message); users.reload(); }}
                              onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={user.username}>
                  <td><code>{user.username}</code></td>
                  <td>
                    <div className="pl-badges">
                      {user.roles.length ? user.roles.map((r) => <Badge key={r} tone={r === 'admin' ? 'info' : 'muted'}>{r}</Badge>)
                        : <span className="muted">none</span>}
                    </div>
                  </td>
                  <td>{user.tenant ? user.tenant : <span className="muted">{describeTenant(user.tenant)}</span>}</td>
                  <td>{formatTime(user.updatedAt)}</td>
                  <td>
                    <div className="pl-actions">
                      <button type="button" onClick={() => { setNotice(null); setEditing(user.username); }}>
                        Edit<span className="pl-visually-hidden"> {user.username}</span>
                      </button>
                      <ConfirmButton label={<>Delete<span className="pl-visually-hidden"> {user.username}</span></>}
                                     confirmLabel="Yes, delete" question={`Delete ${user.username}?`}
                                     onConfirm={() => remove(user.username)} />
                    </div>
                  </td>
                </tr>
              )))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <CreateUser known={known} onCreated={(username) => { setNotice(`Created ${username}.`); users.reload(); }} />
    </section>
  );
}

// the password is never kept longer than needed: a failed attempt clears it too
const forgetPassword = (setForm) => () => setForm((f) => ({ ...f, password: '' }));

/** The tenant a tenant admin's users stay in; null for the platform admin (any tenant, or none). */
function useOwnTenant() {
  const session = useSession()?.session;
  return session?.scope === TENANT_ADMIN ? session.tenant : null;
}

function TenantField({ value, onChange, ownTenant, ...rest }) {
  return (
    <label>
      Tenant <span className="muted pl-small">{ownTenant ? '(yours: a tenant admin’s users stay in its tenant)'
        : '(empty: platform-wide)'}</span>
      <input value={ownTenant ?? value} onChange={onChange} readOnly={Boolean(ownTenant)} autoComplete="off"
             spellCheck={false} {...rest} />
    </label>
  );
}

function CreateUser({ known, onCreated }) {
  const client = useApi();
  const id = useId();
  const ownTenant = useOwnTenant();
  const empty = { username: '', password: '', tenant: ownTenant ?? '', checked: [], other: '' };
  const [form, setForm] = useState(empty);
  const { busy, error, setError, run } = useSubmit();
  const set = (field) => (event) => setForm((f) => ({ ...f, [field]: event.target.value }));

  const submit = (event) => {
    event.preventDefault();
    run(async () => {
      const user = await createUser(client, { username: form.username, password: form.password, tenant: form.tenant,
        roles: mergeRoles(form.checked, form.other) });
      setForm(empty);
      onCreated(user?.username ?? form.username);
    }, forgetPassword(setForm));
  };

  return (
    <form className="pl-user-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Create a user</h3>
      <div className="pl-user-fields">
        <label>
          Username
          <input value={form.username} onChange={set('username')} autoComplete="off" spellCheck={false} required
                 aria-invalid={error?.field === 'username' || undefined} />
        </label>
        <label>
          Password <span className="muted pl-small">(at least 12 characters)</span>
          <input type="password" value={form.password} onChange={set('password')} autoComplete="new-password"
                 minLength={12} required aria-invalid={error?.field === 'password' || undefined} />
        </label>
        <TenantField value={form.tenant} onChange={set('tenant')} ownTenant={ownTenant}
                     aria-invalid={error?.field === 'tenant' || undefined} />
      </div>
      <RolesField known={known} checked={form.checked} other={form.other} idPrefix={`${id}-create`}
                  onChange={({ checked, other }) => setForm((f) => ({ ...f, checked, other }))} />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create user'}</button>
      </div>
      <Problem error={error} onDismiss={() => setError(null)} />
    </form>
  );
}

function EditUser({ user, known, onDone, onCancel }) {
  const client = useApi();
  const id = useId();
  const ownTenant = useOwnTenant();
  const [form, setForm] = useState(() => ({ ...splitRoles(user.roles, known), tenant: user.tenant ?? '', password: '' }));
  const { busy, error, setError, run } = useSubmit();

  const submit = (event) => {
    event.preventDefault();
    run(async () => {
      await updateUser(client, user.username, { roles: mergeRoles(form.checked, form.other), tenant: form.tenant,
        password: form.password });
      onDone(`Saved ${user.username}${form.password ? ' (password changed)' : ''}.`);
    }, forgetPassword(setForm));
  };

  return (
    <form className="pl-user-form pl-edit" onSubmit={submit} aria-label={`Edit ${user.username}`}>
      <strong>Edit <code>{user.username}</code></strong>
      <div className="pl-user-fields">
        <TenantField value={form.tenant} ownTenant={ownTenant} autoFocus
                     onChange={(e) => setForm((f) => ({ ...f, tenant: e.target.value }))} />
        <label>
          New password <span className="muted pl-small">(leave empty to keep it)</span>
          <input type="password" value={form.password} autoComplete="new-password" minLength={12}
                 onChange={(e) => setForm((f) => ({ ...f, password: e.target.value }))} />
        </label>
      </div>
      <RolesField known={known} checked={form.checked} other={form.other} idPrefix={`${id}-edit`}
                  onChange={({ checked, other }) => setForm((f) => ({ ...f, checked, other }))} />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
      <Problem error={error} onDismiss={() => setError(null)} />
    </form>
  );
}
