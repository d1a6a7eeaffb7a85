import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/ApiError.js';
import {
  checkSummary, findingsFromError, MARKERS, normalizeFindings, overlayDescriptions, placeFindings, sortFindings,
} from './findings.js';

// the 422 problem of POST /admin/flows for a file with a script task, a service task without connector and an
// expression calling a method (two findings on one element), and one finding about the whole file
const problem = {
  type: 'https://flowgate.io/problems/flow-rejected', title: 'Flow rejected', status: 422, code: 'flow-rejected',
  detail: '4 problem(s) in the flow: script tasks are not allowed; use a service task bound to a connector',
  findings: [
    { file: 'bad.bpmn', element: 'script1', reason: 'script tasks are not allowed; use a service task bound to a connector' },
    { file: 'bad.bpmn', element: 'ut', reason: "expression '${execution.getVariable('x')}' calls a method" },
    { file: 'bad.bpmn', element: 'ut', reason: "expression '${execution.getVariable('x')}' reads 'execution'" },
    { file: 'bad.bpmn', reason: 'the file defines no process' },
  ],
};

describe('findings', () => {
  it('normalizes the gateway findings (element or elementId, reason or message)', () => {
    expect(normalizeFindings([{ file: 'f.bpmn', element: 'a', reason: 'r' }, { elementId: 'b', message: 'm' }, { reason: 'x', element: null }], 'warning'))
      .toEqual([
        { elementId: 'a', reason: 'r', file: 'f.bpmn', severity: 'warning' },
        { elementId: 'b', reason: 'm', file: null, severity: 'warning' },
        { elementId: null, reason: 'x', file: null, severity: 'warning' },
      ]);
    expect(normalizeFindings(undefined)).toEqual([]);
  });

  it('takes the findings of a flow-rejected problem', () => {
    const error = new ApiError({ status: 422, title: problem.title, detail: problem.detail, type: problem.type, problem });
    const findings = findingsFromError(error);
    expect(findings).toHaveLength(4);
    expect(findings[0]).toMatchObject({ elementId: 'script1', severity: 'error' });
    expect(findingsFromError(new ApiError({ status: 500, title: 'x' }))).toEqual([]);
  });

  it('places findings on elements the canvas has; the rest are general', () => {
    const findings = normalizeFindings([...problem.findings, { element: 'gone', reason: 'r' }, { element: 'proc', reason: 'breaks a contract' }]);
    const onCanvas = new Set(['script1', 'ut']);
    const { placed, general } = placeFindings(findings, (id) => onCanvas.has(id));
    expect([...placed.keys()]).toEqual(['script1', 'ut']);
    expect(placed.get('ut')).toHaveLength(2);
    expect(general.map((f) => f.elementId)).toEqual([null, 'gone', 'proc']);
  });

  it('describes one overlay per element: count, worst severity as marker, every reason in the title', () => {
    const findings = [
      ...normalizeFindings(problem.findings),
      ...normalizeFindings([{ element: 'mapping', reason: 'camunda:script in the mapping will not run' }], 'warning'),
    ];
    const overlays = overlayDescriptions(findings, (id) => id !== 'nothing');
    expect(overlays).toEqual([
      expect.objectContaining({ elementId: 'script1', severity: 'error', marker: MARKERS.error, count: 1, label: '1' }),
      expect.objectContaining({ elementId: 'ut', severity: 'error', count: 2, label: '2' }),
      expect.objectContaining({ elementId: 'mapping', severity: 'warning', marker: 'fg-finding-warning', count: 1 }),
    ]);
    expect(overlays[1].title.split('\n')).toEqual([
      "Error: expression '${execution.getVariable('x')}' calls a method",
      "Error: expression '${execution.getVariable('x')}' reads 'execution'",
    ]);
  });

  it('mixes severities on one element: the error wins', () => {
    const findings = [
      ...normalizeFindings([{ element: 'a', reason: 'w' }], 'warning'),
      ...normalizeFindings([{ element: 'a', reason: 'e' }], 'error'),
    ];
    expect(overlayDescriptions(findings)[0]).toMatchObject({ severity: 'error', count: 2 });
  });

  it('sorts errors before warnings, element findings before general ones', () => {
    const findings = [
      ...normalizeFindings([{ reason: 'w-general' }, { element: 'x', reason: 'w-el' }], 'warning'),
      ...normalizeFindings([{ reason: 'e-general' }, { element: 'y', reason: 'e-el' }], 'error'),
    ];
    expect(sortFindings(findings).map((f) => f.reason)).toEqual(['e-el', 'e-general', 'w-el', 'w-general']);
  });

  it('sums up a check', () => {
    expect(checkSummary([])).toBe('Check passed: no findings.');
    expect(checkSummary(normalizeFindings([{ reason: 'a' }], 'warning'))).toBe('Check passed with 1 warning.');
    expect(checkSummary(normalizeFindings(problem.findings))).toMatch(/^4 problems: the flow cannot be deployed/);
    expect(checkSummary([...normalizeFindings([{ reason: 'a' }]), ...normalizeFindings([{ reason: 'b' }, { reason: 'c' }], 'warning')]))
      .toBe('1 problem and 2 warnings: the flow cannot be deployed until it is fixed.');
  });
});
