/**
 * A failed API call, carrying the RFC 9457 problem the gateway answered (or one made up for network failures and
 * non-problem answers), so every screen can show its title and detail instead of a blank page.
 */
export class ApiError extends Error {
  constructor({ status, type, title, detail, field, problem }) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.field = field;
    this.problem = problem ?? {};
  }

  /** The stable short code at the end of the problem's type URI (`…/problems/invalid-request` → `invalid-request`). */
  get code() {
    if (!this.type) return undefined;
    const slash = this.type.lastIndexOf('/');
    return slash < 0 ? this.type : this.type.slice(slash + 1);
  }
}

const FIELD_KEYS = ['field', 'pointer', 'element', 'elementId', 'parameter', 'operation'];

/** Turns an error answer into an {@link ApiError}; `body` is the parsed JSON (or null) and `text` the raw body. */
export function problemFrom(status, statusText, body, text) {
  if (body && typeof body === 'object' && (body.title || body.type || body.detail)) {
    const field = FIELD_KEYS.map((k) => body[k]).find((v) => typeof v === 'string' && v !== '');
    return new ApiError({
      status: body.status ?? status,
      type: body.type,
      title: body.title ?? statusText ?? `HTTP ${status}`,
      detail: body.detail,
      field,
      problem: body,
    });
  }
  const detail = text && text.length < 300 ? text : undefined;
  return new ApiError({ status, title: statusText || `HTTP ${status}`, detail });
}
