import { perThousandResidents, type Metric } from '../../../../shared/metrics/definitions';
import { median } from '../../../../shared/metrics/median';
import {
  closureRate,
  extensionRate,
  onTimeRate,
  reworkRate,
  type CaseCounts,
} from '../../../../shared/metrics/case-metrics';
import { meanSatisfaction, type RateValue } from '../../../../shared/metrics/rates';
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
  /** The published counts of the cases accepted in the period, as they stood at its end. */
  cases: CaseCounts;
  /** 超期未结: open cases past their deadline at the end of the period. */
  overdueOpen: number;
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
    case 'CASES_ACCEPTED':
      return plain(f.cases.accepted);
    case 'CASES_DUE':
      return plain(f.cases.due);
    case 'CASES_CLOSED':
      return plain(f.cases.closed);
    case 'CASES_CLOSED_ON_TIME':
      return plain(f.cases.closedOnTime);
    case 'CASES_POSTPONED':
      return plain(f.cases.postponed);
    case 'CLOSURE_RATE':
      return closureRate(f.cases);
    case 'ON_TIME_RATE':
      return onTimeRate(f.cases);
    case 'REWORK_RATE':
      return reworkRate(f.cases);
    case 'EXTENSION_RATE':
      return extensionRate(f.cases);
    case 'OVERDUE_OPEN':
      return plain(f.overdueOpen);
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
