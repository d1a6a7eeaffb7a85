/**
 * The task form, built from the task's declared `formFields` (camunda:formField): a model with the initial values
 * of the inputs, validation with a message per field, and the typed variables completing the task sends
 * (long → number, boolean → boolean, date → ISO-8601 instant at UTC midnight of the chosen day, enum → the value's
 * id, string → string). Inputs hold strings (or booleans for checkboxes) until then.
 *
 * `approved` and `comment` are not rendered as fields: the Approve / Reject buttons and the comment box supply
 * them. A declared `comment` field still lends the box its label, default and "required".
 *
 * The gateway sends a default value as declared, never evaluated. A default that only names a variable
 * (`${amount}`) starts with that variable's value when the task came with the instance's variables, as Camunda's
 * own forms would show it; any other expression is not a value and starts empty.
 */
export const TYPES = ['string', 'long', 'boolean', 'date', 'enum'];
export const RESERVED = ['approved', 'comment'];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const WHOLE = /^[+-]?\d+$/;

/**
 * formFields (+ the instance's variables, optional) → `{ fields, initial, comment }`. Fields without an id are
 * skipped; an unknown type is a string.
 */
export function buildForm(formFields, variables) {
  const declared = (Array.isArray(formFields) ? formFields : []).filter((f) => f && typeof f.id === 'string' && f.id);
  const fields = declared.filter((f) => !RESERVED.includes(f.id)).map((f) => {
    const type = TYPES.includes(f.type) ? f.type : 'string';
    return {
      id: f.id,
      label: typeof f.label === 'string' && f.label.trim() ? f.label : f.id,
      type,
      required: f.required === true,
      options: type === 'enum' && Array.isArray(f.values)
        ? f.values.filter((v) => v && v.id !== undefined).map((v) => ({ id: String(v.id), name: v.name || String(v.id) }))
        : [],
      defaultValue: resolveDefault(f.defaultValue, variables),
    };
  });
  const initial = Object.fromEntries(fields.map((f) => [f.id, initialValue(f)]));
  const declaredComment = declared.find((f) => f.id === 'comment');
  const comment = {
    label: declaredComment?.label || 'Comment',
    required: declaredComment?.required === true,
  };
  const commentDefault = resolveDefault(declaredComment?.defaultValue, variables);
  initial.comment = commentDefault != null && typeof commentDefault !== 'object' ? String(commentDefault) : '';
  return { fields, initial, comment };
}

const VARIABLE_REFERENCE = /^\s*[$#]\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\s*$/;

/** A declared default: as it is, a variable's value for `${name}`, or undefined for any other expression. */
export function resolveDefault(value, variables) {
  if (typeof value !== 'string') return value;
  const reference = VARIABLE_REFERENCE.exec(value);
  if (reference) return variables && typeof variables === 'object' && Object.hasOwn(variables, reference[1]) ? variables[reference[1]] : undefined;
  return /[$#]\{/.test(value) ? undefined : value;
}

/** The value an input starts with: the declared default, fitted to the input. */
export function initialValue(field) {
  const d = field.defaultValue;
  switch (field.type) {
    case 'boolean':
      return d === true || d === 'true';
    case 'date':
      return toDay(d);
    case 'long':
      return Number.isSafeInteger(d) || (typeof d === 'string' && WHOLE.test(d.trim())) ? String(d).trim() : '';
    case 'enum':
      return d != null && field.options.some((o) => o.id === String(d)) ? String(d) : '';
    default:
      return d == null || typeof d === 'object' ? '' : String(d);
  }
}

/** `{ fieldId: message }` for every value the user must fix; empty when the form may be sent. */
export function validate(form, values) {
  const errors = {};
  for (const field of form.fields) {
    const message = fieldError(field, values[field.id]);
    if (message) errors[field.id] = message;
  }
  if (form.comment.required && !String(values.comment ?? '').trim()) errors.comment = `${form.comment.label} is required.`;
  return errors;
}

function fieldError(field, value) {
  if (field.type === 'boolean') return null; // a checkbox always holds a value
  const text = String(value ?? '').trim();
  if (!text) return field.required ? `${field.label} is required.` : null;
  switch (field.type) {
    case 'long':
      return WHOLE.test(text) && Number.isSafeInteger(Number(text)) ? null : `${field.label} must be a whole number.`;
    case 'date':
      return toDay(text) ? null : `${field.label} must be a date (YYYY-MM-DD).`;
    case 'enum':
      return field.options.some((o) => o.id === text) ? null : `${field.label}: choose one of the options.`;
    default:
      return null;
  }
}

/**
 * The variables completing the task sends: typed field values (empty optional fields are left out, so the
 * instance keeps what it had), the decision and the comment.
 */
export function completionVariables(form, values, approved) {
  const variables = {};
  for (const field of form.fields) {
    const value = typed(field, values[field.id]);
    if (value !== undefined) variables[field.id] = value;
  }
  variables.approved = approved === true;
  variables.comment = String(values.comment ?? '').trim();
  return variables;
}

function typed(field, value) {
  if (field.type === 'boolean') return value === true || value === 'true';
  const text = String(value ?? '').trim();
  if (!text) return undefined;
  switch (field.type) {
    case 'long':
      return Number(text);
    case 'date':
      return `${toDay(text)}T00:00:00.000Z`;
    default:
      return field.type === 'string' ? String(value) : text;
  }
}

/** `2026-11-23`, `2026-11-23T10:00:00Z` or `23/11/2026` (Camunda's default date pattern) → `2026-11-23`, else ''. */
function toDay(value) {
  if (typeof value !== 'string') return '';
  const text = value.trim();
  const iso = DAY.exec(text.slice(0, 10));
  const dmy = DMY.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y) return '';
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? `${y}-${m}-${d}` : '';
}
