import { ApiError, problemFrom } from './ApiError.js';

/**
 * The one way the console talks to the gateway. Sends the bearer token, encodes JSON or raw text (YAML, BPMN XML)
 * bodies, and turns every failure into an {@link ApiError}: a problem+json answer keeps its type, title, detail and
 * field; a network failure or a non-JSON answer gets a title of its own. A 401 also calls `onUnauthorized` (the
 * session ended or the token expired).
 *
 * @param {{ baseUrl?: string, getToken?: () => string|null, onUnauthorized?: (e: ApiError) => void,
 *           fetch?: typeof fetch }} options
 */
export function createClient({ baseUrl = '', getToken = () => null, onUnauthorized = () => {}, fetch: doFetch } = {}) {
  const send = doFetch ?? ((...args) => globalThis.fetch(...args));

  async function request(method, path, { json, text, contentType, query, accept = 'application/json', signal } = {}) {
    const headers = { Accept: accept };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (text !== undefined) {
      headers['Content-Type'] = contentType ?? 'text/plain';
      body = text;
    }
    let response;
    try {
      response = await send(baseUrl + path + queryString(query), { method, headers, body, signal });
    } catch (cause) {
      if (cause?.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, title: 'Network error', detail: `the gateway could not be reached (${cause?.message ?? cause})` });
    }
    const raw = await response.text();
    const parsed = parseJson(raw, response.headers.get('Content-Type'));
    if (!response.ok) {
      const error = problemFrom(response.status, response.statusText, parsed, raw);
      if (response.status === 401) onUnauthorized(error);
      throw error;
    }
    return parsed !== undefined ? parsed : raw;
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, json, options) => request('POST', path, { ...options, json }),
    put: (path, json, options) => request('PUT', path, { ...options, json }),
    del: (path, options) => request('DELETE', path, options),
    /** POST of a raw document (YAML, JSON text or BPMN XML) as it was written. */
    postText: (path, text, contentType, options) => request('POST', path, { ...options, text, contentType }),
  };
}

/** `{a: 1, b: undefined, c: ''}` → `?a=1`; keys with empty values are left out. */
export function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function parseJson(raw, contentType) {
  if (!raw) return null;
  const looksJson = (contentType ?? '').includes('json') || /^\s*[[{]/.test(raw);
  if (!looksJson) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
