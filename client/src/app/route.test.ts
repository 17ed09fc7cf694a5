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

  it('keeps the days of a custom period, and only for a custom period', () => {
    const route = parseRoute({ pathname: '/c/kangle', search: '?period=custom&from=2025-03-01&to=2025-06-30' });
    expect(route.days).toEqual({ from: '2025-03-01', to: '2025-06-30' });
    expect(routeUrl(route)).toBe('/c/kangle?metric=POPULATION&period=custom&from=2025-03-01&to=2025-06-30');
    expect(routeUrl({ ...route, period: 'month' })).toBe('/c/kangle?metric=POPULATION&period=month');
  });

  it('keeps a searched building on its grid, and the compared grids', () => {
    const grid = parseRoute({ pathname: '/c/kangle/g/410200-001-001-02', search: '?building=410200-001-001-02-016' });
    expect(grid.building).toBe('410200-001-001-02-016');
    expect(routeUrl(grid)).toBe(
      '/c/kangle/g/410200-001-001-02?metric=POPULATION&period=year&building=410200-001-001-02-016',
    );
    expect(parseRoute({ pathname: '/c/kangle', search: '?building=410200-001-001-02-016' }).building).toBeNull();
    const compare = parseRoute({ pathname: '/compare', search: '?c=kangle&g=410200-001-001-02,410200-001-001-03' });
    expect(compare.comparedGrids).toEqual(['410200-001-001-02', '410200-001-001-03']);
    expect(routeUrl(compare)).toBe('/compare?c=kangle&g=410200-001-001-02%2C410200-001-001-03&period=year');
  });

  it('opens a case page by its code and leaves it for a place on the dashboard', () => {
    const route = parseRoute({ pathname: '/cases/410200-001-001-01-C0000015', search: '' });
    expect(route).toMatchObject({ screen: 'case', caseCode: '410200-001-001-01-C0000015' });
    expect(routeUrl(route)).toBe('/cases/410200-001-001-01-C0000015');
    expect(parseRoute({ pathname: '/cases/a%2Fb', search: '' }).caseCode).toBe('a/b');
    expect(routeUrl({ ...route, caseCode: 'a/b' })).toBe('/cases/a%2Fb');
    expect(routeUrl({ ...route, screen: 'dashboard', communityCode: 'kangle' })).toBe(
      '/c/kangle?metric=POPULATION&period=year',
    );
    expect(parseRoute({ pathname: '/c/kangle', search: '' }).caseCode).toBeNull();
  });

  it("keeps the report's scope and month, all communities when it names none", () => {
    const route = parseRoute({ pathname: '/report', search: '?scope=kangle&month=2026-10' });
    expect(route).toMatchObject({ screen: 'report', communityCode: 'kangle', month: '2026-10' });
    expect(routeUrl(route)).toBe('/report?scope=kangle&month=2026-10');
    expect(parseRoute({ pathname: '/report', search: '?scope=all' })).toMatchObject({
      communityCode: null,
      month: null,
    });
    expect(routeUrl({ ...route, communityCode: null, month: null })).toBe('/report?scope=all');
    expect(routeUrl({ ...route, screen: 'dashboard' })).toBe('/c/kangle?metric=POPULATION&period=year');
  });
});
