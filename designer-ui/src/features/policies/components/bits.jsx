export { ProblemMessage as Problem } from '../../../lib/ui/ProblemMessage.jsx';
export { ConfirmButton } from '../../../lib/ui/ConfirmButton.jsx';
export { RenderGuard, TableWrap } from '../../../lib/ui/RenderGuard.jsx';

/** Roles as a checkbox per known role and a free-text field for others (comma-separated). */
export function RolesField({ known, checked, other, onChange, idPrefix }) {
  const toggle = (role) => (event) => onChange({
    checked: event.target.checked ? [...checked, role] : checked.filter((r) => r !== role),
    other,
  });
  return (
    <fieldset className="pl-roles-field">
      <legend>Roles</legend>
      {known.length > 0 && (
        <div className="pl-role-options">
          {known.map((role) => (
            <label key={role} className="inline">
              <input type="checkbox" checked={checked.includes(role)} onChange={toggle(role)} />
              {role}
            </label>
          ))}
        </div>
      )}
      <label htmlFor={`${idPrefix}-other-roles`} className="pl-sub-label">
        {known.length > 0 ? 'Other roles' : 'Role names'} <span className="muted">(comma-separated)</span>
      </label>
      <input id={`${idPrefix}-other-roles`} type="text" value={other} autoComplete="off" spellCheck={false}
             onChange={(e) => onChange({ checked, other: e.target.value })} />
    </fieldset>
  );
}
