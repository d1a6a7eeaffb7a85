import { parse } from 'yaml';
import { resolvePointer } from './schema.js';

/**
 * The docs view's model of an OpenAPI document: header, servers and operations grouped by tag, each with its
 * parameters, request body, responses and the Flowgate extensions. Every text is coerced to a string here, so a
 * malformed document (a number where a description belongs, an object where a summary belongs) renders as text
 * instead of breaking the page.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
export const UNTAGGED = 'Other operations';

/** Parses a contract document as published (YAML or JSON text); an already parsed object is returned as it is. */
export function parseDocument(source) {
  if (source && typeof source === 'object' && !Array.isArray(source)) return source;
  const text = String(source ?? '');
  let doc;
  if (text.trimStart().startsWith('{')) {
    try {
      doc = JSON.parse(text);
    } catch {
      doc = undefined; // JSON-looking YAML (flow mappings): let the YAML parser say what is wrong
    }
  }
  // the yaml package refuses more than 100 alias expansions by default: an alias bomb fails instead of hanging
  if (doc === undefined) doc = parse(text, { maxAliasCount: 100 });
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('the document is not an OpenAPI object');
  }
  return doc;
}

export function docModel(doc) {
  const info = obj(doc?.info);
  const operations = collectOperations(doc);
  return {
    title: str(info.title) ?? 'Untitled contract',
    version: str(info.version),
    description: str(info.description),
    openapi: str(doc?.openapi ?? doc?.swagger),
    servers: arr(doc?.servers).map((s) => ({ url: str(obj(s).url) ?? '', description: str(obj(s).description) })),
    groups: groupByTag(doc, operations),
    operationCount: operations.length,
  };
}

/** Operations in document order with their first tag (or {@link UNTAGGED}). */
export function collectOperations(doc) {
  const out = [];
  for (const [path, rawItem] of Object.entries(obj(doc?.paths))) {
    const item = deref(doc, rawItem);
    const shared = arr(item.parameters);
    for (const method of METHODS) {
      const op = obj(item[method]);
      if (item[method] === undefined) continue;
      out.push(operation(doc, path, method, op, shared));
    }
  }
  return out;
}

/** Groups in the order of the document's `tags` list, then in order of first use; untagged operations last. */
export function groupByTag(doc, operations) {
  const declared = arr(doc?.tags).map((t) => ({ name: str(obj(t).name), description: str(obj(t).description) }))
    .filter((t) => t.name);
  const groups = new Map(declared.map((t) => [t.name, { tag: t.name, description: t.description, operations: [] }]));
  for (const op of operations) {
    const tag = op.tag ?? UNTAGGED;
    if (!groups.has(tag)) groups.set(tag, { tag, description: null, operations: [] });
    groups.get(tag).operations.push(op);
  }
  const untagged = groups.get(UNTAGGED);
  groups.delete(UNTAGGED);
  const result = [...groups.values()].filter((g) => g.operations.length > 0);
  if (untagged && untagged.operations.length > 0) {
    // with no tags at all, "other" would have nothing to be other than
    result.push(result.length === 0 ? { ...untagged, tag: 'Operations' } : untagged);
  }
  return result;
}

/** Flowgate's extensions of an operation, as text-ready values. */
export function flowExtensions(op) {
  const o = obj(op);
  const webhook = o['x-webhook'];
  return {
    flowId: str(o['x-flow-id']),
    action: str(o['x-flow-action']) ?? (o['x-flow-id'] ? 'start' : null),
    mode: str(o['x-flow-mode']) ?? (o['x-flow-id'] ? (webhook ? 'async' : 'sync') : null),
    timeout: str(o['x-flow-timeout']),
    message: str(o['x-flow-message']),
    task: str(o['x-flow-task']),
    businessKey: str(o['x-flow-business-key']),
    buffer: str(o['x-flow-buffer']),
    errors: Object.entries(obj(o['x-flow-errors'])).map(([code, status]) => ({ code, status: str(status) })),
    roles: Array.isArray(o['x-required-roles']) ? o['x-required-roles'].map(String) : [],
    isPublic: o['x-public'] === true,
    rateLimit: o['x-rate-limit'] ?? null,
    slaTier: str(o['x-sla-tier']),
    idempotency: str(o['x-idempotency']),
    // the scheme only: the secret reference (env:/file:) is configuration, not documentation
    webhookScheme: webhook ? str(obj(webhook).scheme) ?? 'webhook' : null,
  };
}

/** A URL-fragment-safe id for an operation's section. */
export function anchorFor(method, path, operationId) {
  const base = operationId ? String(operationId) : `${method}-${path}`;
  return `op-${base.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

function operation(doc, path, method, op, sharedParameters) {
  const tags = arr(op.tags).map(str).filter(Boolean);
  const upper = method.toUpperCase();
  const operationId = str(op.operationId);
  return {
    key: `${upper} ${path}`,
    anchor: anchorFor(upper, path, operationId),
    method: upper,
    path,
    operationId,
    tag: tags[0] ?? null,
    summary: str(op.summary),
    description: str(op.description),
    deprecated: op.deprecated === true,
    parameters: parameters(doc, sharedParameters, arr(op.parameters)),
    requestBody: requestBody(doc, op.requestBody),
    responses: responses(doc, op.responses),
    flow: flowExtensions(op),
  };
}

function parameters(doc, shared, own) {
  const byKey = new Map();
  for (const raw of [...shared, ...own]) {
    const p = deref(doc, raw);
    const name = str(p.name) ?? '?';
    const where = str(p.in) ?? '?';
    byKey.set(`${where}:${name}`, {
      key: `${where}:${name}`,
      name,
      in: where,
      required: p.required === true || where === 'path',
      deprecated: p.deprecated === true,
      description: str(p.description),
      schema: p.schema ?? firstContentSchema(p.content),
    });
  }
  return [...byKey.values()];
}

function requestBody(doc, raw) {
  if (raw === undefined || raw === null) return null;
  const body = deref(doc, raw);
  return { required: body.required === true, description: str(body.description), contents: contents(doc, body.content) };
}

function responses(doc, raw) {
  return Object.entries(obj(raw))
    .sort(([a], [b]) => statusOrder(a) - statusOrder(b) || a.localeCompare(b))
    .map(([status, value]) => {
      const r = deref(doc, value);
      return {
        status,
        description: str(r.description),
        contents: contents(doc, r.content),
        headers: Object.keys(obj(r.headers)),
      };
    });
}

function contents(doc, content) {
  return Object.entries(obj(content)).map(([mediaType, media]) => ({ mediaType, schema: obj(media).schema ?? null }));
}

function firstContentSchema(content) {
  const first = Object.values(obj(content))[0];
  return obj(first).schema ?? null;
}

function statusOrder(status) {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/i.test(status)) return Number(status[0]) * 100 + 99;
  return 1000; // default
}

/** A parameter, request body or response that is a local `$ref`, followed (a few hops at most). */
function deref(doc, value) {
  let node = value;
  for (let hops = 0; hops < 10 && node && typeof node === 'object' && typeof node.$ref === 'string'; hops++) {
    node = resolvePointer(doc, node.$ref);
  }
  return obj(node);
}

function obj(value) {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function arr(value) {
  return Array.isArray(value) ? value : [];
}

/** Text for display: strings as they are, numbers and booleans as text, anything else as JSON; null for nothing. */
export function str(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
