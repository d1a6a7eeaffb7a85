import { useRef, useState } from 'react';
import { buildForm, completionVariables, validate } from './formModel.js';

/**
 * The form of a task, built from its formFields, with the comment box and the decision buttons. Validation runs
 * here before anything is sent; `onDecide(variables, approved)` does the sending. Native browser validation is off
 * (noValidate) so every message reads the same and names its field.
 */
export function TaskForm({ formFields, variables, disabled, busy, onDecide }) {
  const [form] = useState(() => buildForm(formFields, variables));
  const [values, setValues] = useState(form.initial);
  const [errors, setErrors] = useState({});
  const formRef = useRef(null);

  const set = (id, value) => {
    setValues((v) => ({ ...v, [id]: value }));
    if (errors[id]) setErrors(({ [id]: _, ...rest }) => rest);
  };

  function decide(approved) {
    const found = validate(form, values);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector(`[name="${CSS.escape(first)}"]`)?.focus();
      return;
    }
    onDecide(completionVariables(form, values, approved), approved);
  }

  const count = Object.keys(errors).length;
  return (
    <form ref={formRef} className="fgt-form" noValidate aria-label="Task form" onSubmit={(e) => e.preventDefault()}>
      {count > 0 && (
        <p className="problem" role="alert">
          {count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`}
        </p>
      )}
      {form.fields.length === 0 && <p className="muted fgt-no-fields">This task declares no form fields: decide and add a comment.</p>}
      {form.fields.map((field) => (
        <Field key={field.id} field={field} value={values[field.id]} error={errors[field.id]} onChange={(v) => set(field.id, v)} />
      ))}
      <label className="fgt-field">
        <span>{form.comment.label}{form.comment.required && <Required />}</span>
        <textarea name="comment" rows={3} value={values.comment} aria-label={form.comment.label}
                  aria-required={form.comment.required || undefined} aria-invalid={errors.comment ? true : undefined}
                  aria-describedby={errors.comment ? 'fgt-error-comment' : undefined}
                  onChange={(e) => set('comment', e.target.value)} />
        {errors.comment && <span className="fgt-error" id="fgt-error-comment">{errors.comment}</span>}
      </label>
      <div className="toolbar fgt-decide">
        <button type="button" className="primary" disabled={disabled || busy !== null} onClick={() => decide(true)}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button type="button" className="danger" disabled={disabled || busy !== null} onClick={() => decide(false)}>
          {busy === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
      </div>
    </form>
  );
}

function Required() {
  return (
    <span className="fgt-required" aria-hidden="true" title="required"> *</span>
  );
}

function Field({ field, value, error, onChange }) {
  const errorId = `fgt-error-${field.id}`;
  const common = {
    name: field.id,
    'aria-required': field.required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  if (field.type === 'boolean') {
    return (
      <div className="fgt-field">
        <label className="inline">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} {...common} />
          {field.label}
        </label>
      </div>
    );
  }
  let input;
  if (field.type === 'enum') {
    input = (
      <select value={value} onChange={(e) => onChange(e.target.value)} {...common}>
        <option value="">Choose…</option>
        {field.options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    );
  } else if (field.type === 'date') {
    input = <input type="date" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
  } else if (field.type === 'long') {
    input = <input type="text" inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
  } else {
    input = <input type="text" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
  }
  return (
    <label className="fgt-field">
      <span>{field.label}{field.required && <Required />}</span>
      {input}
      {error && <span className="fgt-error" id={errorId}>{error}</span>}
    </label>
  );
}
