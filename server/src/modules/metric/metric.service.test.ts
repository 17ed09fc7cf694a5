import { describe, expect, it } from 'vitest';
import { zeroCounters } from '../../../../shared/metrics/rollups';
import { metricResult, type ScopeFigures } from './metric-value';
import { mergeFigures, NO_COHORT } from './metric.service';

const scope = (over: Partial<ScopeFigures>): ScopeFigures => ({
  population: 1000,
  households: 400,
  floatingPopulation: null,
  areaKm2: 0.5,
  partyMembers: 30,
  volunteers: 10,
  counters: zeroCounters(),
  backlog: 0,
  hoursToClose: [],
  ...NO_COHORT,
  ...over,
});

describe('merging scopes', () => {
  it('adds counts and recomputes rates from the summed counters, not by averaging rates', () => {
    const cases = (due: number, closedOnTime: number) => ({
      ...NO_COHORT.cases,
      accepted: due,
      due,
      closed: due,
      closedOnTime,
    });
    const a = scope({ cases: cases(10, 10), backlog: 2 });
    const b = scope({ population: 3000, cases: cases(90, 45), backlog: 5, floatingPopulation: 700 });
    const merged = mergeFigures([a, b]);
    expect(merged.population).toBe(4000);
    expect(merged.floatingPopulation).toBe(700);
    expect(merged.backlog).toBe(7);
    expect(metricResult('ON_TIME_RATE', merged).value).toBeCloseTo(55 / 100, 10);
    expect(metricResult('DENSITY', merged).value).toBeCloseTo(4000, 10);
  });

  it('keeps unknown figures unknown', () => {
    expect(
      mergeFigures([scope({ floatingPopulation: null }), scope({ floatingPopulation: null })]).floatingPopulation,
    ).toBeNull();
  });
});
