import { withEnvFile } from './env-file';
import { LOG_LEVELS, type LogLevel } from './observability/logger';

/**
 * Configuration, read and checked once at start. Every variable is listed in the
 * README and in .env.example; a bad value stops the start with one message naming
 * every problem.
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  publicDashboard: boolean;
  adminToken: string | null;
  displayToken: string | null;
  redisUrl: string | null;
  seedOnStart: boolean;
  production: boolean;
  basemap: 'none' | 'tianditu' | 'amap' | 'osm';
  tiandituKey: string | null;
  tileUrls: { tianditu: string; amap: string; osm: string };
  logLevel: LogLevel;
  /** Bearer token that GET /metrics asks for; open when null. */
  metricsToken: string | null;
}

export class ConfigError extends Error {}

const BASEMAPS = ['none', 'tianditu', 'amap', 'osm'] as const;

function flag(raw: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function token(raw: string | undefined, name: string, problems: string[]): string | null {
  if (!raw) return null;
  if (raw.length < 16) problems.push(`${name} must be at least 16 characters long`);
  return raw;
}

export function readConfig(env: NodeJS.ProcessEnv = withEnvFile()): Config {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || 'file:./data/gridscope.db';
  if (!/^(file:|postgres(ql)?:\/\/)/.test(databaseUrl))
    problems.push(`DATABASE_URL must start with file: (SQLite) or postgresql:// , got "${databaseUrl}"`);
  const basemap = (env.BASEMAP || 'none') as Config['basemap'];
  if (!BASEMAPS.includes(basemap)) problems.push(`BASEMAP must be one of ${BASEMAPS.join(', ')}, got "${env.BASEMAP}"`);
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    publicDashboard: flag(env.PUBLIC_DASHBOARD, true, 'PUBLIC_DASHBOARD', problems),
    adminToken: token(env.ADMIN_TOKEN, 'ADMIN_TOKEN', problems),
    displayToken: token(env.DISPLAY_TOKEN, 'DISPLAY_TOKEN', problems),
    redisUrl: env.REDIS_URL || null,
    seedOnStart: flag(env.SEED_ON_START, true, 'SEED_ON_START', problems),
    production: env.NODE_ENV === 'production',
    basemap,
    tiandituKey: env.TIANDITU_KEY || null,
    tileUrls: {
      tianditu:
        env.TIANDITU_TILE_URL ||
        'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
      amap:
        env.AMAP_TILE_URL ||
        'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      osm: env.OSM_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    },
    logLevel,
    metricsToken: token(env.METRICS_TOKEN, 'METRICS_TOKEN', problems),
  };
  if (basemap === 'tianditu' && !config.tiandituKey) problems.push('BASEMAP=tianditu needs TIANDITU_KEY');
  if (problems.length) throw new ConfigError(`Configuration is not valid:\n- ${problems.join('\n- ')}`);
  return config;
}
