import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_METRICS, parseWallParams } from './wallParams';

describe('wall URL parameters', () => {
  it('reads scope, metrics, interval, theme and token', () => {
    expect(
      parseWallParams('?token=abc&scope=kangle&metrics=backlog,ON_TIME_RATE&interval=5&theme=light&fit=cover'),
    ).toEqual({
      token: 'abc',
      scope: 'kangle',
      metrics: ['BACKLOG', 'ON_TIME_RATE'],
      intervalMs: 5000,
      theme: 'light',
      reloadEvery: 200,
      fit: 'cover',
    });
  });

  it('falls back to safe defaults for missing or bad values', () => {
    expect(parseWallParams('?metrics=NOPE&interval=-3')).toMatchObject({
      token: null,
      scope: 'all',
      metrics: DEFAULT_WALL_METRICS,
      intervalMs: 20_000,
      theme: 'dark',
    });
    expect(parseWallParams('?fit=stretch').fit).toBe('contain');
  });
});
