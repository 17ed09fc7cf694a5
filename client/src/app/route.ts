import { useCallback, useEffect, useState } from 'react';
import { METRICS, type Metric } from '../../../shared/metrics/definitions';

/** The view lives in the URL (/c/kangle/g/<grid>?metric=BACKLOG) so a link opens the same view. */
export interface Route { communityCode: string | null; gridCode: string | null; metric: Metric }

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  const match = /^\/c\/([^/]+)(?:\/g\/([^/]+))?/.exec(location.pathname);
  const metric = new URLSearchParams(location.search).get('metric') as Metric | null;
  return { communityCode: match?.[1] ?? null, gridCode: match?.[2] ?? null, metric: metric && METRICS.includes(metric) ? metric : 'POPULATION' };
}

export function routeUrl(route: Route): string {
  const path = route.communityCode ? `/c/${route.communityCode}${route.gridCode ? `/g/${route.gridCode}` : ''}` : '/';
  return `${path}?metric=${route.metric}`;
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(window.location));
  useEffect(function followBackButton() {
    const onPop = () => setRoute(parseRoute(window.location));
    window.addEventListener('popstate', onPop);
    return function stopFollowing() { window.removeEventListener('popstate', onPop); };
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
