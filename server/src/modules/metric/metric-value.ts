import { perThousandResidents, type Metric } from '../../../../shared/metrics/definitions';
import { median } from '../../../../shared/metrics/median';
import { closureRate, meanSatisfaction, onTimeRate, type RateValue } from '../../../../shared/metrics/rates';
import type { Counters } from '../../../../shared/metrics/rollups';

export type MetricResult = RateValue;

export const plain = (value: number | null): MetricResult => ({ value, sampleSize: 0, tooFewCases: false });

/** The figures a scope (community or grid) has, from which every metric is computed. */
export interface ScopeFigures {
  population: number | null;
  households: number | null;
  floatingPopulation: number | null;
  areaKm2: number | null;
  partyMembers: number | null;
  volunteers: number | null;
  /** Rollup sums over the period. */
  counters: Counters;
  /** Open cases at the end of the period. */
  backlog: number;
  /** Hours from report to closure of the cases closed in the period. */
  hoursToClose: number[];
}

/** Every metric of shared/metrics/definitions.ts from a scope's figures: the one place they are computed. */
export function metricResult(metric: Metric, f: ScopeFigures): MetricResult {
  switch (metric) {
    case 'POPULATION':
      return plain(f.population);
    case 'HOUSEHOLDS':
      return plain(f.households);
    case 'FLOATING_POPULATION':
      return plain(f.floatingPopulation);
    case 'DENSITY':
      return plain(f.population !== null && f.areaKm2 ? f.population / f.areaKm2 : null);
    case 'PARTY_MEMBERS':
      return plain(f.partyMembers);
    case 'VOLUNTEERS':
      return plain(f.volunteers);
    case 'VOLUNTEER_HOURS':
      return plain(f.counters.volunteerHours);
    case 'CASES_REPORTED':
      return plain(f.counters.casesReported);
    case 'CASES_CLOSED':
      return plain(f.counters.casesClosed);
    case 'CLOSURE_RATE':
      return closureRate(f.counters.casesClosed, f.counters.casesAccepted);
    case 'ON_TIME_RATE':
      return onTimeRate(f.counters.casesClosedOnTime, f.counters.casesClosed);
    case 'MEDIAN_HOURS_TO_CLOSE':
      return median(f.hoursToClose);
    case 'BACKLOG':
      return plain(f.backlog);
    case 'SATISFACTION':
      return meanSatisfaction(f.counters.satisfactionSum, f.counters.satisfactionCount);
  }
}

export function perThousand(result: MetricResult, population: number | null): number | null {
  return perThousandResidents(result.value, population);
}
