/**
 * JSON Schema (as OpenAPI 3.0 / 3.1 writes it) flattened into rows for a readable nested table: one row per
 * property with its depth, type, required flag, format, enum, constraints and description. Local `$ref`s
 * (`#/components/schemas/X`) are followed against `root`; a reference back to a schema being expanded is shown once
 * and marked circular instead of looping. Everything returned is plain data; the view renders it as text.
 */
export const DEFAULT_MAX_DEPTH = 8;

export function schemaRows(schema, { root, maxDepth = DEFAULT_MAX_DEPTH } = {}) {
  const ctx = { root, maxDepth, rows: [] };
  const { schema: resolved, refName, circular } = resolveSchema(root, schema, new Set());
  if (resolved === undefined && !circular) return [];
  const seen = refName ? new Set(refChain(root, schema)) : new Set();
  const merged = mergeAllOf(root, resolved, seen);
  if (isPlainObjectSchema(merged)) {
    // an object body is read as its properties; the object itself adds nothing but a line
    addChildren(ctx, merged, 0, '', seen);
  } else {
    visit(ctx, schema, { name: '(value)', depth: 0, required: undefined, path: '', seen: new Set() });
  }
  return ctx.rows;
}

/** The value a local JSON pointer (`#/components/schemas/Order`) names in `root`, or undefined. */
export function resolvePointer(root, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  const parts = ref.slice(1).split('/').filter((p, i) => i > 0 || p !== '');
  let node = root;
  for (const raw of parts) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Follows `$ref` chains from `value`: `{schema, refName, circular}`. `seen` holds the references being expanded
 * above this point; meeting one again is circular. A reference that does not resolve gives an `unresolved` marker.
 */
export function resolveSchema(root, value, seen) {
  let node = value;
  let refName = null;
  let beside = {}; // members written next to a $ref (a description, 3.0's nullable) win over the target's
  const chain = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    const { $ref: ref, ...siblings } = node;
    beside = { ...siblings, ...beside };
    refName = refName ?? ref.split('/').pop();
    if (seen.has(ref) || chain.has(ref)) return { schema: node, refName, circular: true };
    chain.add(ref);
    const target = resolvePointer(root, ref);
    if (target === undefined) return { schema: { unresolved: ref }, refName, circular: false };
    node = target;
  }
  const schema = Object.keys(beside).length > 0 && node && typeof node === 'object' ? { ...node, ...beside } : node;
  return { schema, refName, circular: false };
}

/** A readable type: `string`, `integer | null`, `array of Order`, `object`, `one of`. */
export function typeLabel(schema, root) {
  if (schema === true || schema === undefined || schema === null) return 'any';
  if (schema === false) return 'nothing';
  if (schema.unresolved) return `unresolved ${schema.unresolved}`;
  const types = Array.isArray(schema.type) ? [...schema.type] : schema.type ? [schema.type] : [inferType(schema)];
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types.map((t) => (t === 'array' ? `array of ${itemLabel(schema.items, root)}` : t)).join(' | ');
}

/** Short notes on the limits of a value: `minLength 1`, `> 0`, `pattern ^a$`, `default 5`, `read-only`. */
export function constraintsOf(schema) {
  if (!schema || typeof schema !== 'object') return [];
  const out = [];
  const num = (key, label) => schema[key] !== undefined && out.push(`${label} ${schema[key]}`);
  if (typeof schema.exclusiveMinimum === 'number') out.push(`> ${schema.exclusiveMinimum}`);
  else if (schema.minimum !== undefined) out.push(`${schema.exclusiveMinimum === true ? '>' : '≥'} ${schema.minimum}`);
  if (typeof schema.exclusiveMaximum === 'number') out.push(`< ${schema.exclusiveMaximum}`);
  else if (schema.maximum !== undefined) out.push(`${schema.exclusiveMaximum === true ? '<' : '≤'} ${schema.maximum}`);
  num('multipleOf', 'multiple of');
  num('minLength', 'minLength');
  num('maxLength', 'maxLength');
  if (schema.pattern !== undefined) out.push(`pattern ${schema.pattern}`);
  num('minItems', 'minItems');
  num('maxItems', 'maxItems');
  if (schema.uniqueItems === true) out.push('unique items');
  num('minProperties', 'minProperties');
  num('maxProperties', 'maxProperties');
  if (schema.const !== undefined) out.push(`const ${JSON.stringify(schema.const)}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.readOnly === true) out.push('read-only');
  if (schema.writeOnly === true) out.push('write-only');
  if (schema.deprecated === true) out.push('deprecated');
  if (schema.additionalProperties === false) out.push('no other properties');
  return out;
}

function visit(ctx, raw, { name, depth, required, path, seen }) {
  const { schema, refName, circular } = resolveSchema(ctx.root, raw, seen);
  const key = `${path}/${name}#${ctx.rows.length}`;
  if (circular) {
    ctx.rows.push(row({ key, depth, name, required, type: refName, refName, note: 'circular: expanded above' }));
    return;
  }
  const nextSeen = refOf(raw) ? new Set([...seen, ...refChain(ctx.root, raw)]) : seen;
  const merged = mergeAllOf(ctx.root, schema, nextSeen);
  const items = merged && typeof merged === 'object' ? merged.items : undefined;
  const itemSchema = items ? mergeAllOf(ctx.root, resolveSchema(ctx.root, items, nextSeen).schema, nextSeen) : null;
  ctx.rows.push(row({
    key,
    depth,
    name,
    required,
    refName,
    type: typeLabel(merged, ctx.root),
    format: merged?.format ?? itemSchema?.format ?? null,
    enumValues: enumOf(merged) ?? enumOf(itemSchema),
    description: merged?.description ?? merged?.title ?? null,
    constraints: [...constraintsOf(merged), ...constraintsOf(itemSchema).map((c) => `items: ${c}`)],
  }));
  if (!hasChildren(ctx.root, merged, nextSeen)) return;
  if (depth + 1 > ctx.maxDepth) {
    ctx.rows.push(row({ key: `${key}/…`, depth: depth + 1, name: '…', note: `nested deeper than ${ctx.maxDepth} levels` }));
    return;
  }
  addChildren(ctx, merged, depth + 1, `${path}/${name}`, nextSeen);
}

function addChildren(ctx, schema, depth, path, seen) {
  if (!schema || typeof schema !== 'object') return;
  const required = Array.isArray(schema.required) ? schema.required : [];
  const properties = schema.properties && typeof schema.properties === 'object' ? schema.properties : {};
  for (const [name, child] of Object.entries(properties)) {
    visit(ctx, child, { name, depth, required: required.includes(name), path, seen });
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    visit(ctx, schema.additionalProperties, { name: '{any other key}', depth, required: false, path, seen });
  }
  if (schema.items !== undefined && schema.items !== null) {
    const { schema: item, circular } = resolveSchema(ctx.root, schema.items, seen);
    const mergedItem = circular ? null : mergeAllOf(ctx.root, item, seen);
    if (circular || !isPlainObjectSchema(mergedItem)) {
      if (circular || hasChildren(ctx.root, mergedItem, seen)) {
        visit(ctx, schema.items, { name: '[item]', depth, required: undefined, path, seen });
      }
    } else {
      // an array of objects lists the objects' properties right under the array
      const itemSeen = refOf(schema.items) ? new Set([...seen, ...refChain(ctx.root, schema.items)]) : seen;
      addChildren(ctx, mergedItem, depth, `${path}[]`, itemSeen);
    }
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    if (!Array.isArray(schema[keyword])) continue;
    schema[keyword].forEach((variant, i) => {
      const { refName } = resolveSchema(ctx.root, variant, seen);
      const label = `${keyword === 'oneOf' ? 'one of' : 'any of'} #${i + 1}${refName ? ` ${refName}` : ''}`;
      visit(ctx, variant, { name: label, depth, required: undefined, path, seen });
    });
  }
}

function hasChildren(root, schema, seen) {
  if (!schema || typeof schema !== 'object') return false;
  if (schema.properties && Object.keys(schema.properties).length > 0) return true;
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return true;
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return true;
  if (schema.items && typeof schema.items === 'object') {
    const { schema: item, circular } = resolveSchema(root, schema.items, seen);
    return circular || hasChildren(root, mergeAllOf(root, item, seen), seen);
  }
  return false;
}

/** `allOf` parts merged into one schema: properties and required lists joined, the first type and description. */
function mergeAllOf(root, schema, seen) {
  if (!schema || typeof schema !== 'object' || !Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  const merged = { ...rest, properties: { ...(rest.properties ?? {}) }, required: [...(rest.required ?? [])] };
  for (const part of allOf) {
    const { schema: resolved, circular } = resolveSchema(root, part, seen);
    if (circular || !resolved || typeof resolved !== 'object') continue;
    const flat = mergeAllOf(root, resolved, seen);
    Object.assign(merged.properties, flat.properties ?? {});
    merged.required.push(...(flat.required ?? []));
    for (const key of ['type', 'description', 'format', 'items', 'enum', 'additionalProperties']) {
      if (merged[key] === undefined && flat[key] !== undefined) merged[key] = flat[key];
    }
  }
  if (Object.keys(merged.properties).length === 0) delete merged.properties;
  return merged;
}

function isPlainObjectSchema(schema) {
  return Boolean(schema && typeof schema === 'object' && schema.properties && !schema.oneOf && !schema.anyOf
    && !schema.items && (schema.type === undefined || schema.type === 'object'));
}

function inferType(schema) {
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  if (schema.oneOf) return 'one of';
  if (schema.anyOf) return 'any of';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] === null ? 'null' : typeof schema.enum[0];
  return 'any';
}

function itemLabel(items, root) {
  if (!items) return 'any';
  const { schema, refName, circular } = resolveSchema(root, items, new Set());
  if (refName) return refName;
  if (circular) return 'any';
  return typeLabel(mergeAllOf(root, schema, new Set()), root);
}

function enumOf(schema) {
  return schema && Array.isArray(schema.enum) ? schema.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : null;
}

function refOf(value) {
  return value && typeof value === 'object' && typeof value.$ref === 'string' ? value.$ref : null;
}

function refChain(root, value) {
  const refs = [];
  let node = value;
  while (node && typeof node === 'object' && typeof node.$ref === 'string' && !refs.includes(node.$ref)) {
    refs.push(node.$ref);
    node = resolvePointer(root, node.$ref);
  }
  return refs;
}

function row({ key, depth, name, required, type = '', refName = null, format = null, enumValues = null,
  description = null, constraints = [], note = null }) {
  return { key, depth, name, required, type: text(type) ?? '', refName, format: text(format), enum: enumValues,
    description: text(description), constraints, note };
}

function text(value) {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The top of a schema in one line (for a parameter): type, the referenced name, format, enum and constraints. */
export function summarizeSchema(schema, root) {
  if (schema === undefined || schema === null) return null;
  const [top] = schemaRows({ properties: { value: schema } }, { root, maxDepth: 0 });
  return { type: top.type, refName: top.refName, format: top.format, enum: top.enum, constraints: top.constraints,
    description: top.description, note: top.note };
}
