import { useCallback, useEffect, useState } from 'react';
import { METRICS, type Metric } from '../../../shared/metrics/definitions';
import { dayRange, PERIODS, type DayRange, type PeriodPreset } from '../../../shared/time/period-presets';

/**
 * The view lives in the URL so that a link opens the same view:
 * /c/kangle/g/<grid>?metric=BACKLOG&period=quarter, /compare?c=kangle,gonghelu,
 * /report?scope=kangle&month=2026-10 (scope=all for every community), /cases/<code>.
 */
export interface Route {
  screen: 'dashboard' | 'compare' | 'report' | 'case';
  communityCode: string | null;
  gridCode: string | null;
  metric: Metric;
  period: PeriodPreset;
  /** The days of a custom period (?period=custom&from=…&to=…). */
  days: DayRange | null;
  compared: string[];
  /** Grids compared beside the communities (?g=…). */
  comparedGrids: string[];
  /** A building picked out on its grid's map (?building=…): where a search hit leads. */
  building: string | null;
  /** The report's month as the URL gives it (the report checks it); null for the last whole month. */
  month: string | null;
  /** The case page's case (/cases/<code>). */
  caseCode: string | null;
}

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  const params = new URLSearchParams(location.search);
  const match = /^\/c\/([^/]+)(?:\/g\/([^/]+))?/.exec(location.pathname);
  const metric = params.get('metric') as Metric | null;
  const period = params.get('period') as PeriodPreset | null;
  const report = location.pathname.startsWith('/report');
  const caseMatch = /^\/cases\/([^/]+)/.exec(location.pathname);
  const scope = params.get('scope');
  const codes = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  return {
    screen: caseMatch ? 'case' : location.pathname.startsWith('/compare') ? 'compare' : report ? 'report' : 'dashboard',
    communityCode: report ? (scope && scope !== 'all' ? scope : null) : match ? decodeURIComponent(match[1]) : null,
    gridCode: match?.[2] ? decodeURIComponent(match[2]) : null,
    metric: metric && METRICS.includes(metric) ? metric : 'POPULATION',
    period: period && PERIODS.includes(period) ? period : 'year',
    days: dayRange(params.get('from'), params.get('to')),
    compared: codes('c'),
    comparedGrids: codes('g'),
    building: match?.[2] ? params.get('building') : null,
    month: params.get('month'),
    caseCode: caseMatch ? decodeURIComponent(caseMatch[1]) : null,
  };
}

export function routeUrl(route: Route): string {
  const period = { period: route.period, ...(route.period === 'custom' && route.days) };
  const building: Record<string, string> = route.gridCode && route.building ? { building: route.building } : {};
  const params = new URLSearchParams({ metric: route.metric, ...period, ...building });
  if (route.screen === 'compare') {
    const grids: Record<string, string> = route.comparedGrids.length > 0 ? { g: route.comparedGrids.join(',') } : {};
    return `/compare?${new URLSearchParams({ c: route.compared.join(','), ...grids, ...period })}`;
  }
  if (route.screen === 'case') return `/cases/${encodeURIComponent(route.caseCode ?? '')}`;
  if (route.screen === 'report')
    return `/report?${new URLSearchParams({ scope: route.communityCode ?? 'all', ...(route.month && { month: route.month }) })}`;
  const path = route.communityCode
    ? `/c/${encodeURIComponent(route.communityCode)}${route.gridCode ? `/g/${encodeURIComponent(route.gridCode)}` : ''}`
    : '/';
  return `${path}?${params}`;
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(window.location));
  useEffect(function followBackButton() {
    const onPop = () => setRoute(parseRoute(window.location));
    window.addEventListener('popstate', onPop);
    return function stopFollowing() {
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  const navigate = useCallback((next: Partial<Route>) => {
    setRoute((current) => {
      const merged = { ...current, ...next };
      // A search's building belongs to its grid: going anywhere else lets it go.
      if (!('building' in next) && merged.gridCode !== current.gridCode) merged.building = null;
      window.history.pushState(null, '', routeUrl(merged));
      return merged;
    });
  }, []);
  return { route, navigate };
}
