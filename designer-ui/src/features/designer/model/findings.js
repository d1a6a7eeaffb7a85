/**
 * What the gateway's deploy checks said about a BPMN file, shaped for the designer: the 422 problem's
 * `findings: [{file, element, reason}]` (errors: nothing deploys) and the dry run's or deploy's
 * `warnings: [...]` (same shape; the flow deploys). `element` is the id of the nearest BPMN element, absent for
 * findings about the whole file.
 */

export const SEVERITY = Object.freeze({ error: 'error', warning: 'warning' });

/** Marker classes put on elements with findings (styled in designer.css). */
export const MARKERS = Object.freeze({ error: 'fg-finding-error', warning: 'fg-finding-warning' });

/** `[{elementId, reason, file, severity}]` from the gateway's list (tolerates `elementId` and `message`). */
export function normalizeFindings(list, severity = SEVERITY.error) {
  if (!Array.isArray(list)) return [];
  return list.filter((f) => f && typeof f === 'object').map((f) => {
    const element = f.element ?? f.elementId ?? null;
    return {
      elementId: typeof element === 'string' && element ? element : null,
      reason: String(f.reason ?? f.message ?? f.detail ?? 'no reason given'),
      file: typeof f.file === 'string' ? f.file : null,
      severity,
    };
  });
}

/** The findings of a 422 `flow-rejected` problem (an ApiError), or [] for any other error. */
export function findingsFromError(error) {
  return normalizeFindings(error?.problem?.findings, SEVERITY.error);
}

/**
 * Splits findings into those shown on a diagram element (`isPlaceable(id)` true: a shape or connection on the canvas)
 * and general ones (no element, the process itself, or an id the diagram does not have).
 * @returns {{ placed: Map<string, object[]>, general: object[] }}
 */
export function placeFindings(findings, isPlaceable = () => true) {
  const placed = new Map();
  const general = [];
  for (const finding of findings) {
    if (finding.elementId && isPlaceable(finding.elementId)) {
      if (!placed.has(finding.elementId)) placed.set(finding.elementId, []);
      placed.get(finding.elementId).push(finding);
    } else {
      general.push(finding);
    }
  }
  return { placed, general };
}

/**
 * One overlay per element with findings: `{elementId, severity, marker, count, label, title}` — the badge shows
 * `label` (the count), `title` lists every reason; the worst severity wins.
 */
export function overlayDescriptions(findings, isPlaceable = () => true) {
  const { placed } = placeFindings(findings, isPlaceable);
  return [...placed.entries()].map(([elementId, list]) => {
    const severity = list.some((f) => f.severity === SEVERITY.error) ? SEVERITY.error : SEVERITY.warning;
    return {
      elementId,
      severity,
      marker: MARKERS[severity],
      count: list.length,
      label: String(list.length),
      title: list.map((f) => `${f.severity === SEVERITY.error ? 'Error' : 'Warning'}: ${f.reason}`).join('\n'),
    };
  });
}

/** Errors first, then warnings; in each, findings on elements before general ones, otherwise as the gateway sent them. */
export function sortFindings(findings) {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (rank(a.f) - rank(b.f)) || (a.i - b.i))
    .map(({ f }) => f);
}

function rank(finding) {
  return (finding.severity === SEVERITY.error ? 0 : 2) + (finding.elementId ? 0 : 1);
}

/** The one-line outcome of a check: what the status line says. */
export function checkSummary(findings) {
  const errors = findings.filter((f) => f.severity === SEVERITY.error).length;
  const warnings = findings.length - errors;
  if (errors > 0) {
    const w = warnings ? ` and ${plural(warnings, 'warning')}` : '';
    return `${plural(errors, 'problem')}${w}: the flow cannot be deployed until ${errors === 1 ? 'it is' : 'they are'} fixed.`;
  }
  if (warnings > 0) return `Check passed with ${plural(warnings, 'warning')}.`;
  return 'Check passed: no findings.';
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
