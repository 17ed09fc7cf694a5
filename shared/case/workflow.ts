/**
 * The case workflow of the national digital city-management standard (GB/T 30428):
 * reported → accepted (or rejected) → dispatched → handled → verified → closed;
 * a failed verification sends the case back to dispatched (返工). A dispatched case can
 * be postponed with a leader's approval (缓办) and later dispatched again.
 */
export const CASE_STATUSES = [
  'REPORTED',
  'ACCEPTED',
  'REJECTED',
  'DISPATCHED',
  'HANDLED',
  'VERIFIED',
  'CLOSED',
  'POSTPONED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  REPORTED: ['ACCEPTED', 'REJECTED'],
  ACCEPTED: ['DISPATCHED'],
  DISPATCHED: ['HANDLED', 'POSTPONED'],
  POSTPONED: ['DISPATCHED'],
  HANDLED: ['VERIFIED', 'DISPATCHED'],
  VERIFIED: ['CLOSED'],
  REJECTED: [],
  CLOSED: [],
};

export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((status) => NEXT[status].length > 0);

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export function isOpen(status: CaseStatus): boolean {
  return NEXT[status].length > 0;
}

/** The case column that records when the case last entered each status. */
export const STATUS_TIMESTAMP = {
  REPORTED: 'reportedAt',
  ACCEPTED: 'acceptedAt',
  REJECTED: 'rejectedAt',
  DISPATCHED: 'dispatchedAt',
  HANDLED: 'handledAt',
  VERIFIED: 'verifiedAt',
  CLOSED: 'closedAt',
  POSTPONED: 'postponedAt',
} as const satisfies Record<CaseStatus, string>;

/** Moves that need a leader's (or an admin's) approval, not only a worker's hand: postponing a case. */
export const NEEDS_APPROVAL: readonly CaseStatus[] = ['POSTPONED'];

/** A failed verification: back from handled to dispatched, counted as rework (返工). */
export const isRework = (from: CaseStatus, to: CaseStatus) => from === 'HANDLED' && to === 'DISPATCHED';
