import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, NEEDS_APPROVAL, OPEN_STATUSES, canTransition, isOpen, isRework } from './workflow';

describe('case workflow (GB/T 30428)', () => {
  it('walks reported → accepted → dispatched → handled → verified → closed', () => {
    const path = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'HANDLED', 'VERIFIED', 'CLOSED'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('sends a failed verification back to dispatched', () => {
    expect(canTransition('HANDLED', 'DISPATCHED')).toBe(true);
  });

  it('postpones only a dispatched case, with approval, and dispatches it again', () => {
    expect(canTransition('DISPATCHED', 'POSTPONED')).toBe(true);
    expect(canTransition('POSTPONED', 'DISPATCHED')).toBe(true);
    expect(canTransition('REPORTED', 'POSTPONED')).toBe(false);
    expect(canTransition('POSTPONED', 'CLOSED')).toBe(false);
    expect(NEEDS_APPROVAL).toEqual(['POSTPONED']);
    expect(isRework('HANDLED', 'DISPATCHED')).toBe(true);
    expect(isRework('POSTPONED', 'DISPATCHED')).toBe(false);
  });

  it('refuses skipping steps and leaving a terminal state', () => {
    expect(canTransition('REPORTED', 'CLOSED')).toBe(false);
    expect(canTransition('ACCEPTED', 'HANDLED')).toBe(false);
    for (const to of CASE_STATUSES) {
      expect(canTransition('CLOSED', to)).toBe(false);
      expect(canTransition('REJECTED', to)).toBe(false);
    }
  });

  it('counts every non-terminal status as open', () => {
    expect(OPEN_STATUSES).toEqual(['REPORTED', 'ACCEPTED', 'DISPATCHED', 'HANDLED', 'VERIFIED', 'POSTPONED']);
    expect(isOpen('CLOSED')).toBe(false);
  });
});
