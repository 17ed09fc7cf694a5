import { METRICS, type Metric } from '../../../../shared/metrics/definitions';
import { WALL_FITS, type WallFit } from './stage';

/** Everything about a wall is set in its URL: /wall?token=…&scope=kangle&metrics=BACKLOG,ON_TIME_RATE&interval=20&fit=contain */
export interface WallParams {
  token: string | null;
  scope: string;
  metrics: Metric[];
  intervalMs: number;
  theme: 'dark' | 'light';
  /** Full page reload after this many passes through the items, to keep memory flat; 0 never. */
  reloadEvery: number;
  /** How the design canvas meets the screen: contain (letterboxed, the default), cover or none. */
  fit: WallFit;
}

export const DEFAULT_WALL_METRICS: Metric[] = ['BACKLOG', 'ON_TIME_RATE', 'CASES_REPORTED', 'VOLUNTEER_HOURS'];

export function parseWallParams(search: string): WallParams {
  const params = new URLSearchParams(search);
  const metrics = (params.get('metrics') ?? '')
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter((m): m is Metric => METRICS.includes(m as Metric));
  const interval = Number(params.get('interval') ?? 20);
  const reloadEvery = Number(params.get('reloadEvery') ?? 200);
  return {
    token: params.get('token') || null,
    scope: params.get('scope') || 'all',
    metrics: metrics.length ? metrics : DEFAULT_WALL_METRICS,
    intervalMs: Number.isFinite(interval) && interval > 0 ? interval * 1000 : 20_000,
    theme: params.get('theme') === 'light' ? 'light' : 'dark',
    reloadEvery: Number.isInteger(reloadEvery) && reloadEvery >= 0 ? reloadEvery : 200,
    fit: WALL_FITS.find((fit) => fit === params.get('fit')) ?? 'contain',
  };
}
