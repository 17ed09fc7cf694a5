import { describe, expect, it } from 'vitest';
import { parseRoute, routeUrl } from './route';

describe('routes', () => {
  it('reads community, grid, metric and period from the URL and writes them back', () => {
    const route = parseRoute({ pathname: '/c/kangle/g/410200-001-001-03', search: '?metric=BACKLOG&period=quarter' });
    expect(route).toMatchObject({
      screen: 'dashboard',
      communityCode: 'kangle',
      gridCode: '410200-001-001-03',
      metric: 'BACKLOG',
      period: 'quarter',
    });
    expect(
      parseRoute({
        pathname: new URL(routeUrl(route), 'http://x').pathname,
        search: new URL(routeUrl(route), 'http://x').search,
      }),
    ).toEqual(route);
  });

  it('falls back to population over a year for unknown parameters', () => {
    expect(parseRoute({ pathname: '/', search: '?metric=NOPE&period=decade' })).toMatchObject({
      metric: 'POPULATION',
      period: 'year',
      communityCode: null,
    });
  });

  it('keeps the compared communities', () => {
    const route = parseRoute({ pathname: '/compare', search: '?c=kangle,gonghelu' });
    expect(route).toMatchObject({ screen: 'compare', compared: ['kangle', 'gonghelu'] });
    expect(routeUrl(route)).toBe('/compare?c=kangle%2Cgonghelu&period=year');
  });
});
