import { describe, expect, it } from 'vitest';
import { computeMarkers, takenFlows } from './markers.js';

// the sequence flows of examples/restaurant/refund-approval.bpmn
const REFUND_FLOWS = [
  ['toRecord', 'refundRequested', 'recordRequest'],
  ['toApprove', 'recordRequest', 'approveRefund'],
  ['toDecision', 'approveRefund', 'approvedGateway'],
  ['yes', 'approvedGateway', 'paidGateway'],
  ['no', 'approvedGateway', 'markRejected'],
  ['paid', 'paidGateway', 'checkOrder'],
  ['unpaid', 'paidGateway', 'markApproved'],
  ['toRefund', 'checkOrder', 'refundPayment'],
  ['toRefunded', 'refundPayment', 'markOrderRefunded'],
  ['toMarkAfterRefund', 'markOrderRefunded', 'markApproved'],
  ['toMarkKeepState', 'orderKeepsState', 'markApproved'],
  ['toApproved', 'markApproved', 'approved'],
  ['toRejected', 'markRejected', 'rejected'],
].map(([id, source, target]) => ({ id, source, target }));

function entry(activityId, startedAt, endedAt, canceled = false) {
  return { activityId, name: activityId, type: 'task', startedAt, endedAt, canceled };
}

const t = (ms) => new Date(Date.UTC(2026, 10, 23, 3, 1, 0, ms)).toISOString();

// as the gateway answered for a refund waiting for its approval
const waiting = {
  id: 'i-1', flow: 'refund-approval', flowVersion: 1, state: 'WAITING',
  activities: [{ id: 'approveRefund', name: 'Approve refund', type: 'userTask' }],
  history: [
    entry('refundRequested', t(222), t(237)),
    entry('recordRequest', t(240), t(242)),
    entry('approveRefund', t(243), undefined),
  ],
  incidents: [],
};

// approved without a paymentId: every step of the unpaid path in the same few milliseconds
const approvedUnpaid = {
  ...waiting, state: 'COMPLETED', activities: [],
  history: [
    entry('refundRequested', t(222), t(237)),
    entry('recordRequest', t(240), t(242)),
    entry('approveRefund', t(243), t(440)),
    entry('approvedGateway', t(440), t(441)),
    entry('paidGateway', t(441), t(443)),
    entry('markApproved', t(443), t(444)),
    entry('approved', t(444), t(444)),
  ],
};

describe('instance diagram markers', () => {
  it('marks the waiting user task active with a token badge and the steps before it completed', () => {
    const { markers, overlays } = computeMarkers(waiting);
    expect(markers).toEqual({
      refundRequested: ['fg-completed'],
      recordRequest: ['fg-completed'],
      approveRefund: ['fg-active'],
    });
    expect(overlays).toEqual([
      { elementId: 'approveRefund', kind: 'tokens', label: '1', title: '1 token waits at Approve refund' },
    ]);
  });

  it('marks the path of an ended instance completed and nothing active', () => {
    const { markers, overlays } = computeMarkers(approvedUnpaid);
    expect(Object.values(markers).flat().every((c) => c === 'fg-completed')).toBe(true);
    expect(Object.keys(markers)).toHaveLength(7);
    expect(overlays).toEqual([]);
  });

  it('marks cancelled activity instances, and does not call open entries of an ended instance active', () => {
    const cancelled = {
      ...waiting, state: 'CANCELLED', activities: [],
      history: [entry('refundRequested', t(1), t(2)), entry('approveRefund', t(3), t(900), true), entry('ghost', t(4))],
    };
    expect(computeMarkers(cancelled).markers).toEqual({
      refundRequested: ['fg-completed'],
      approveRefund: ['fg-canceled'],
    });
  });

  it('marks incidents with a badge carrying the error messages, on top of the active token', () => {
    const stuck = {
      ...waiting, state: 'INCIDENT',
      activities: [{ id: 'refundPayment', name: 'Refund payment', type: 'serviceTask' }],
      history: [entry('refundRequested', t(1), t(2))],
      incidents: [{ id: 'inc-1', activityId: 'refundPayment', type: 'failedJob', message: 'provider unreachable' }],
    };
    const { markers, overlays } = computeMarkers(stuck);
    expect(markers.refundPayment).toEqual(['fg-active', 'fg-incident']);
    expect(overlays).toContainEqual({ elementId: 'refundPayment', kind: 'incident', label: '!', title: 'provider unreachable' });
  });

  it('counts several tokens at one activity', () => {
    const multi = {
      ...waiting,
      activities: [{ id: 'review', name: 'Review', type: 'userTask' }, { id: 'review', name: 'Review', type: 'userTask' }],
      history: [],
    };
    expect(computeMarkers(multi).overlays).toEqual([
      { elementId: 'review', kind: 'tokens', label: '2', title: '2 tokens wait at Review' },
    ]);
  });

  it('marks where the BPMN error that ended the instance came from', () => {
    const failed = { ...waiting, state: 'ERROR', activities: [], history: [], error: { code: 'REFUND_REFUSED', activityId: 'refused' } };
    expect(computeMarkers(failed).markers).toEqual({ refused: ['fg-error'] });
  });

  it('tolerates missing lists', () => {
    expect(computeMarkers({ state: 'RUNNING' })).toEqual({ markers: {}, overlays: [] });
    expect(computeMarkers(undefined)).toEqual({ markers: {}, overlays: [] });
  });
});

describe('taken sequence flows', () => {
  it('follows the unpaid path and not the branches that were not taken', () => {
    expect(takenFlows(approvedUnpaid.history, [], REFUND_FLOWS).sort())
      .toEqual(['toApprove', 'toApproved', 'toDecision', 'toRecord', 'unpaid', 'yes']);
  });

  it('picks the source that finished last when a merge has several visited sources', () => {
    const paid = [
      entry('refundRequested', t(1), t(2)),
      entry('approveRefund', t(3), t(10)),
      entry('approvedGateway', t(10), t(11)),
      entry('paidGateway', t(11), t(12)),
      entry('checkOrder', t(12), t(13)),
      entry('refundPayment', t(50), t(60)),
      entry('markOrderRefunded', t(60), t(61)),
      entry('markApproved', t(61), t(62)),
    ];
    const taken = takenFlows(paid, [], REFUND_FLOWS);
    expect(taken).toContain('toMarkAfterRefund');
    expect(taken).not.toContain('unpaid');
    expect(taken).not.toContain('toMarkKeepState');
  });

  it('breaks a tie in the millisecond by the order the engine ran them', () => {
    const fast = [
      entry('paidGateway', t(11), t(12)),
      entry('checkOrder', t(12), t(12)),
      entry('refundPayment', t(12), t(12)),
      entry('markOrderRefunded', t(12), t(12)),
      entry('markApproved', t(12), t(13)),
    ];
    const taken = takenFlows(fast, [], REFUND_FLOWS);
    expect(taken).toContain('toMarkAfterRefund');
    expect(taken).not.toContain('unpaid');
  });

  it('matches each arrival at a parallel join with the branch that finished before it', () => {
    const flows = [
      { id: 'a', source: 'split', target: 'u1' }, { id: 'b', source: 'split', target: 'u2' },
      { id: 'c', source: 'u1', target: 'join' }, { id: 'd', source: 'u2', target: 'join' },
    ];
    const history = [
      entry('split', t(1), t(1)), entry('u1', t(1), t(900)), entry('u2', t(1), t(500)),
      entry('join', t(500), t(500)), entry('join', t(900), t(900)),
    ];
    expect(takenFlows(history, [], flows).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('marks the flow into a current activity that is not in the history yet (async continuation)', () => {
    const history = [entry('checkOrder', t(1), t(2))];
    expect(takenFlows(history, [{ id: 'refundPayment' }], REFUND_FLOWS)).toEqual(['toRefund']);
  });

  it('leaves a target with two flows from the same source unmarked', () => {
    const flows = [{ id: 'x', source: 'g', target: 'e' }, { id: 'y', source: 'g', target: 'e' }];
    expect(takenFlows([entry('g', t(1), t(2)), entry('e', t(2), t(2))], [], flows)).toEqual([]);
  });

  it('puts the taken flows into the markers when the diagram flows are given', () => {
    expect(computeMarkers(waiting, REFUND_FLOWS).markers).toMatchObject({ toRecord: ['fg-taken'], toApprove: ['fg-taken'] });
  });
});
