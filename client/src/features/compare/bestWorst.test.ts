import { describe, expect, it } from 'vitest';
import { bestWorst } from './bestWorst';

describe('best and worst of a row', () => {
  it('marks the highest on-time rate best and the lowest worst', () => {
    expect(bestWorst('ON_TIME_RATE', [0.62, 0.71, null, 0.55])).toEqual({ best: 1, worst: 3 });
  });
  it('prefers less backlog', () => {
    expect(bestWorst('BACKLOG', [9, 2, 5])).toEqual({ best: 1, worst: 0 });
  });
  it('marks nothing for neutral metrics or ties', () => {
    expect(bestWorst('POPULATION', [9050, 14929])).toEqual({ best: null, worst: null });
    expect(bestWorst('BACKLOG', [3, 3])).toEqual({ best: null, worst: null });
  });
});
