import { useCallback, useEffect, useState } from 'react';
import { METRICS, type Metric } from '../../../shared/metrics/definitions';
import { PERIODS, type PeriodPreset } from '../../../shared/time/period-presets';

/**
 * The view lives in the URL so that a link opens the same view:
 * /c/kangle/g/<grid>?metric=BACKLOG&period=quarter, /compare?c=kangle,gonghelu.
 */
export interface Route {
  screen: 'dashboard' | 'compare';
  communityCode: string | null;
  gridCode: string | null;
  metric: Metric;
  period: PeriodPreset;
  compared: string[];
}

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  const params = new URLSearchParams(location.search);
  const match = /^\/c\/([^/]+)(?:\/g\/([^/]+))?/.exec(location.pathname);
  const metric = params.get('metric') as Metric | null;
  const period = params.get('period') as PeriodPreset | null;
  return {
    screen: location.pathname.startsWith('/compare') ? 'compare' : 'dashboard',
    communityCode: match ? decodeURIComponent(match[1]) : null,
    gridCode: match?.[2] ? decodeURIComponent(match[2]) : null,
    metric: metric && METRICS.includes(metric) ? metric : 'POPULATION',
    period: period && PERIODS.includes(period) ? period : 'year',
    compared: (params.get('c') ?? '').split(',').filter(Boolean),
  };
}

export function routeUrl(route: Route): string {
  const params = new URLSearchParams({ metric: route.metric, period: route.period });
  if (route.screen === 'compare')
    return `/compare?${new URLSearchParams({ c: route.compared.join(','), period: route.period })}`;
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
      window.history.pushState(null, '', routeUrl(merged));
      return merged;
    });
  }, []);
  return { route, navigate };
}
