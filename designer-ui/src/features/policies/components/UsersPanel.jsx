import { useId, useState } from 'react';
import { useApi } from '../../../lib/api/ApiContext.jsx';
import { useSubmit } from '../../../lib/ui/useSubmit.js';
import { Badge, Empty, Loading } from '../../../lib/ui/Page.jsx';
import { formatTime } from '../../../lib/ui/format.js';
import { useSession } from '../../../lib/session/SessionContext.js';
import { TENANT_ADMIN } from '../../../lib/session/scope.js';
import { createUser, deleteUser, revokeUserTokens, setUserDisabled, updateUser } from '../api/policiesApi.js';
import { mergeRoles, splitRoles } from '../model/roles.js';
import { describeTenant, isDisabled } from '../model/users.js';
import { ConfirmButton, Problem, RolesField, TableWrap } from './bits.jsx';

const COLUMNS = 6;

/**
 * Users with their roles, tenant and whether they are disabled; create, change roles/tenant (and optionally the
 * password), disable / enable, sign out everywhere (revoke every token), delete. A tenant admin sees its own
 * tenant's users and keeps every user it creates or changes in that tenant.
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
                <th scope="col">Status</th>
                <th scope="col">Updated</th>
                <th scope="col"><span className="pl-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (editing === user.username ? (
                <tr key={user.username} className="pl-editing">
                  <td colSpan={COLUMNS}>
                    <EditUser user={user} known={known}
                              onDone={(message) => { setEditing(null); setNotice(message); users.reload(); }}
                              onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <UserRow key={user.username} user={user}
                         onEdit={() => { setNotice(null); setEditing(user.username); }}
                         onDelete={() => remove(user.username)}
                         onStart={() => setNotice(null)}
                         onDone={(message) => { setNotice(message); users.reload(); }} />
              )))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <CreateUser known={known} onCreated={(username) => { setNotice(`Created ${username}.`); users.reload(); }} />
    </section>
  );
}

/**
 * One user: what the table shows, and the actions on its access — disable / enable and sign out everywhere, each
 * asked twice, with its own busy state and the gateway's refusal (e.g. 409 for the last platform admin) shown
 * under the row. Disabling or signing out the signed-in user ends this console's session too, so it signs out here
 * with the reason instead of waiting for the next call's 401.
 */
function UserRow({ user, onEdit, onDelete, onStart, onDone }) {
  const client = useApi();
  const sessionContext = useSession();
  const { busy, error, setError, run } = useSubmit();
  const name = user.username;
  const disabled = isDisabled(user);
  const self = Boolean(sessionContext?.session?.username) && sessionContext.session.username === name;
  // "Disable bea" to a screen reader, "Disable" on screen: the space stays outside the hidden name, or the name is
  // computed as "Disablebea"
  const named = (verb, after = '') => <>{verb} <span className="pl-visually-hidden">{name}</span>{after}</>;

  const act = (request, done, ownDone) => {
    onStart();
    return run(async () => {
      await request();
      if (self && ownDone && sessionContext?.logout) sessionContext.logout(ownDone);
      else onDone(done);
    });
  };
  const disable = () => act(() => setUserDisabled(client, name, true),
    `Disabled ${name}: signed out everywhere, and sign-in is blocked until the user is enabled again.`,
    'You disabled your own account: you are signed out everywhere and cannot sign in until another admin '
      + 'enables it.');
  const enable = () => act(() => setUserDisabled(client, name, false), `Enabled ${name}: sign-in works again.`);
  const revoke = () => act(() => revokeUserTokens(client, name),
    `Signed ${name} out everywhere: every token the user held has ended.`,
    'You signed yourself out everywhere. Sign in again.');

  return (
    <>
      <tr className={disabled ? 'pl-user-disabled' : undefined}>
        <td><code>{name}</code></td>
        <td>
          <div className="pl-badges">
            {user.roles.length ? user.roles.map((r) => <Badge key={r} tone={r === 'admin' ? 'info' : 'muted'}>{r}</Badge>)
              : <span className="muted">none</span>}
          </div>
        </td>
        <td>{user.tenant ? user.tenant : <span className="muted">{describeTenant(user.tenant)}</span>}</td>
        <td>
          {disabled
            ? <Badge tone="bad" title="Cannot sign in; every token it held has ended">Disabled</Badge>
            : <span className="muted">Active</span>}
        </td>
        <td>{formatTime(user.updatedAt)}</td>
        <td>
          <div className="pl-actions">
            <button type="button" onClick={onEdit} disabled={busy}>{named('Edit')}</button>
            {disabled ? (
              <ConfirmButton label={named('Enable')} danger={false} disabled={busy}
                             confirmLabel="Yes, enable" busyLabel="Enabling…"
                             question={`Enable ${name} again? The user can sign in again.`} onConfirm={enable} />
            ) : (
              <>
                <ConfirmButton label={named('Disable')} disabled={busy}
                               confirmLabel="Yes, disable" busyLabel="Disabling…" onConfirm={disable}
                               question={self
                                 ? 'Disable your own account? It signs you out everywhere, this console included, '
                                   + 'and blocks your sign-in.'
                                 : `Disable ${name}? It signs the user out everywhere and blocks sign-in.`} />
                {/* a disabled user holds no working token: enabling it again does not bring old ones back */}
                <ConfirmButton label={named('Sign out', ' everywhere')} disabled={busy}
                               confirmLabel="Yes, sign out" busyLabel="Signing out…" onConfirm={revoke}
                               question={self
                                 ? 'Sign yourself out everywhere? Every token you hold ends, this console’s included.'
                                 : `Sign ${name} out everywhere? Every token the user holds ends within a second; `
                                   + 'signing in again still works.'} />
              </>
            )}
            <ConfirmButton label={named('Delete')} disabled={busy}
                           confirmLabel="Yes, delete" question={`Delete ${name}?`} onConfirm={onDelete} />
          </div>
        </td>
      </tr>
      {error && (
        <tr className="pl-row-problem">
          <td colSpan={COLUMNS}>
            <Problem error={error} onDismiss={() => setError(null)} />
          </td>
        </tr>
      )}
    </>
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
