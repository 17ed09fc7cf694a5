import { passwordProblem } from './auth/password';
import { DEFAULT_LIMITS, type OperationLimits } from './graphql/limits';
import { INTROSPECTION_SETTINGS, type IntrospectionSetting } from './graphql/schema-exposure';
import { accessSync, constants, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withEnvFile } from './env-file';
import { databaseKind } from './db/client';
import { DEFAULT_GRADE_BANDS, gradeBandsProblem, type GradeBands } from '../../shared/metrics/grades';
import { DEFAULT_TIME_ZONE, isTimeZone, setTimeZone } from '../../shared/time/buckets';
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
  /** DATABASE_READ_URL: a PostgreSQL streaming replica of DATABASE_URL that read-only requests go to. */
  databaseReadUrl: string | null;
  publicDashboard: boolean;
  adminToken: string | null;
  displayToken: string | null;
  redisUrl: string | null;
  /** How long a computed aggregate is kept at most, when no live event has dropped it before; 0 keeps none. */
  answerSeconds: number;
  /** A query's whole answer is kept (as long as aggregates are) when it took at least this long to answer. */
  keptResponseMinMs: number;
  seedOnStart: boolean;
  /** Grade bands (优 良 中 差) per metric: the defaults, with GRADES_FILE's over them. */
  gradeBands: GradeBands;
  /** The IANA time zone whose days, weeks, months, quarters and years every figure counts in. */
  timeZone: string;
  /** NODE_ENV=development (npm run dev): unexpected errors answer with their message and stack trace. */
  development: boolean;
  /** Who cuts the overview's vector tiles: PostGIS (ST_AsMVT) where the database has it (`auto`), or this process. */
  placeTiles: PlaceTiles;
  /** The default basemap; `offline` is the archive of BASEMAP=file:…. */
  basemap: 'none' | 'tianditu' | 'amap' | 'osm' | 'offline';
  /** BASEMAP=file:…: the MBTiles or PMTiles file the server serves at /basemap/{z}/{x}/{y}. */
  basemapFile: string | null;
  tiandituKey: string | null;
  /** Tile URL templates; Tianditu's place names (cva) are a layer of their own over its streets (vec). */
  tileUrls: { tianditu: string; tiandituAnnotation: string; amap: string; osm: string };
  /** MAP_APPROVAL_NUMBER: the 审图号 a published map carries, shown in its corner. */
  mapApprovalNumber: string | null;
  logLevel: LogLevel;
  /** Bearer token that GET /metrics asks for; open when null. */
  metricsToken: string | null;
  /** The first admin account's password; a one-time one is printed when null. */
  adminPassword: string | null;
  /** A session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** Session cookies only over HTTPS even when the request does not look like it (a proxy that hides it). */
  cookieSecure: boolean;
  /** Wrong passwords counted over, and a lock lasting, this many minutes. */
  loginLockMinutes: number;
  /** Express's "trust proxy": whose X-Forwarded-For to believe for the caller's address. */
  trustProxy: boolean | number | string;
  /** Requests per caller (token, session or address) and minute on GraphQL and the API. */
  rateLimitPerMinute: number;
  /** What one GraphQL operation may ask for (GRAPHQL_MAX_DEPTH, _ALIASES, _DIRECTIVES, _TOKENS, _COST, _BYTES). */
  limits: OperationLimits;
  /** GraphQL requests of one caller that run at once; the caller's others wait their turn. */
  concurrentPerCaller: number;
  /** A GraphQL operation still running after this long sends no further database statement (QUERY_TIMEOUT). */
  timeoutSeconds: number;
  /** Who may read the schema (introspection and "Did you mean" suggestions): GRAPHQL_INTROSPECTION. */
  introspection: IntrospectionSetting;
  /** On shutdown, /readyz is red this long before the server stops taking requests: a load balancer's check interval. */
  shutdownGraceSeconds: number;
  /** After the grace, requests still running get this long before the process exits anyway. */
  shutdownTimeoutSeconds: number;
}

export class ConfigError extends Error {}

const BASEMAPS: readonly string[] = ['none', 'tianditu', 'amap', 'osm'];
const PLACE_TILES = ['auto', 'postgis', 'in-process'] as const;
export type PlaceTiles = (typeof PLACE_TILES)[number];

/** BASEMAP=file:…: an .mbtiles or .pmtiles file the server may read; its content is checked when the server opens it. */
function basemapFileProblem(file: string): string | null {
  if (!/\.(mbtiles|pmtiles)$/.test(file)) return `BASEMAP file:${file} must be an .mbtiles or .pmtiles file`;
  try {
    accessSync(file, constants.R_OK);
    return null;
  } catch (error) {
    return `BASEMAP file:${file} cannot be read: ${(error as Error).message}`;
  }
}

function flag(raw: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function minutes(raw: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) problems.push(`${name} must be a number of minutes above 0, got "${raw}"`);
  return value;
}

/** TRUST_PROXY: true/false, a number of hops, or addresses and names Express knows (loopback, 10.0.0.0/8). */
function trustProxy(raw: string | undefined): Config['trustProxy'] {
  if (!raw || ['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function token(raw: string | undefined, name: string, problems: string[]): string | null {
  if (!raw) return null;
  if (raw.length < 16) problems.push(`${name} must be at least 16 characters long`);
  return raw;
}

/** GRADES_FILE: a JSON object of metric: [优, 良, 中] lower limits, over the defaults of the assessment rules. */
function gradeBands(file: string | undefined, problems: string[]): GradeBands {
  if (!file) return DEFAULT_GRADE_BANDS;
  let bands: unknown;
  try {
    bands = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`GRADES_FILE ${file} cannot be read as JSON: ${(error as Error).message}`);
    return DEFAULT_GRADE_BANDS;
  }
  const problem = gradeBandsProblem(bands);
  if (problem) problems.push(`GRADES_FILE ${file}: ${problem}`);
  return problem ? DEFAULT_GRADE_BANDS : { ...DEFAULT_GRADE_BANDS, ...(bands as GradeBands) };
}

export function readConfig(env: NodeJS.ProcessEnv = withEnvFile()): Config {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || 'file:./data/gridscope.db';
  if (!/^(file:|postgres(ql)?:\/\/)/.test(databaseUrl))
    problems.push(`DATABASE_URL must start with file: (SQLite) or postgresql:// , got "${databaseUrl}"`);
  const databaseReadUrl = env.DATABASE_READ_URL || null;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl))
    problems.push(`DATABASE_READ_URL must be a postgresql:// URL of a read replica, got "${databaseReadUrl}"`);
  else if (databaseReadUrl && databaseKind(databaseUrl) === 'sqlite')
    problems.push('DATABASE_READ_URL needs a PostgreSQL DATABASE_URL: an SQLite database has no replicas');
  const basemapFile = env.BASEMAP?.startsWith('file:') ? resolve(env.BASEMAP.slice('file:'.length)) : null;
  const basemap = (basemapFile ? 'offline' : env.BASEMAP || 'none') as Config['basemap'];
  if (basemapFile) {
    const problem = basemapFileProblem(basemapFile);
    if (problem) problems.push(problem);
  } else if (!BASEMAPS.includes(basemap))
    problems.push(`BASEMAP must be one of ${BASEMAPS.join(', ')} or file:/path/to/city.pmtiles, got "${env.BASEMAP}"`);
  const placeTiles = (env.PLACE_TILES || 'auto') as PlaceTiles;
  if (!PLACE_TILES.includes(placeTiles))
    problems.push(`PLACE_TILES must be one of ${PLACE_TILES.join(', ')}, got "${env.PLACE_TILES}"`);
  else if (placeTiles === 'postgis' && databaseKind(databaseUrl) === 'sqlite')
    problems.push('PLACE_TILES=postgis needs a PostgreSQL DATABASE_URL with the PostGIS extension');
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const introspection = (env.GRAPHQL_INTROSPECTION || 'signed-in') as IntrospectionSetting;
  if (!INTROSPECTION_SETTINGS.includes(introspection))
    problems.push(
      `GRAPHQL_INTROSPECTION must be one of ${INTROSPECTION_SETTINGS.join(', ')}, got "${env.GRAPHQL_INTROSPECTION}"`,
    );
  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databaseReadUrl,
    publicDashboard: flag(env.PUBLIC_DASHBOARD, true, 'PUBLIC_DASHBOARD', problems),
    adminToken: token(env.ADMIN_TOKEN, 'ADMIN_TOKEN', problems),
    displayToken: token(env.DISPLAY_TOKEN, 'DISPLAY_TOKEN', problems),
    redisUrl: env.REDIS_URL || null,
    answerSeconds: Number(env.ANSWER_CACHE_SECONDS || 60),
    keptResponseMinMs: Number(env.KEPT_RESPONSE_MIN_MS || 5),
    seedOnStart: flag(env.SEED_ON_START, true, 'SEED_ON_START', problems),
    development: env.NODE_ENV === 'development',
    timeZone: env.TIME_ZONE || DEFAULT_TIME_ZONE,
    gradeBands: gradeBands(env.GRADES_FILE, problems),
    placeTiles,
    basemap,
    basemapFile,
    tiandituKey: env.TIANDITU_KEY || null,
    tileUrls: {
      tianditu:
        env.TIANDITU_TILE_URL ||
        'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
      tiandituAnnotation:
        env.TIANDITU_ANNOTATION_TILE_URL ||
        'https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
      amap:
        env.AMAP_TILE_URL ||
        'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      osm: env.OSM_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    },
    mapApprovalNumber: env.MAP_APPROVAL_NUMBER || null,
    logLevel,
    metricsToken: token(env.METRICS_TOKEN, 'METRICS_TOKEN', problems),
    adminPassword: env.ADMIN_PASSWORD || null,
    sessionIdleMinutes: minutes(env.SESSION_IDLE_MINUTES, 480, 'SESSION_IDLE_MINUTES', problems),
    cookieSecure: flag(env.COOKIE_SECURE, false, 'COOKIE_SECURE', problems),
    loginLockMinutes: minutes(env.LOGIN_LOCK_MINUTES, 15, 'LOGIN_LOCK_MINUTES', problems),
    trustProxy: trustProxy(env.TRUST_PROXY),
    shutdownGraceSeconds: Number(env.SHUTDOWN_GRACE_SECONDS ?? 0),
    shutdownTimeoutSeconds: Number(env.SHUTDOWN_TIMEOUT_SECONDS || 10),
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE || 1200),
    limits: Object.fromEntries(
      (Object.keys(DEFAULT_LIMITS) as (keyof OperationLimits)[]).map((name) => {
        const variable = `GRAPHQL_MAX_${name.toUpperCase()}`;
        const raw = env[variable];
        const value = raw ? Number(raw) : DEFAULT_LIMITS[name];
        if (!Number.isInteger(value) || value < 1)
          problems.push(`${variable} must be a whole number above 0, got "${raw}"`);
        return [name, value];
      }),
    ) as unknown as OperationLimits,
    introspection,
    timeoutSeconds: Number(env.GRAPHQL_TIMEOUT_SECONDS || 10),
    concurrentPerCaller: Number(env.GRAPHQL_CONCURRENT_PER_CALLER || 2),
  };
  if (!Number.isInteger(config.rateLimitPerMinute) || config.rateLimitPerMinute < 1)
    problems.push(`RATE_LIMIT_PER_MINUTE must be a whole number above 0, got "${env.RATE_LIMIT_PER_MINUTE}"`);
  if (!Number.isInteger(config.concurrentPerCaller) || config.concurrentPerCaller < 1)
    problems.push(
      `GRAPHQL_CONCURRENT_PER_CALLER must be a whole number above 0, got "${env.GRAPHQL_CONCURRENT_PER_CALLER}"`,
    );
  if (!(config.timeoutSeconds > 0 && config.timeoutSeconds <= 600))
    problems.push(`GRAPHQL_TIMEOUT_SECONDS must be above 0 and at most 600, got "${env.GRAPHQL_TIMEOUT_SECONDS}"`);
  if (!(config.answerSeconds >= 0 && config.answerSeconds <= 86_400))
    problems.push(`ANSWER_CACHE_SECONDS must be between 0 and 86400, got "${env.ANSWER_CACHE_SECONDS}"`);
  if (!(config.keptResponseMinMs >= 0 && config.keptResponseMinMs <= 60_000))
    problems.push(`KEPT_RESPONSE_MIN_MS must be between 0 and 60000, got "${env.KEPT_RESPONSE_MIN_MS}"`);
  if (!(config.shutdownGraceSeconds >= 0 && config.shutdownGraceSeconds <= 300))
    problems.push(`SHUTDOWN_GRACE_SECONDS must be between 0 and 300, got "${env.SHUTDOWN_GRACE_SECONDS}"`);
  if (!(config.shutdownTimeoutSeconds > 0 && config.shutdownTimeoutSeconds <= 300))
    problems.push(`SHUTDOWN_TIMEOUT_SECONDS must be above 0 and at most 300, got "${env.SHUTDOWN_TIMEOUT_SECONDS}"`);
  const weakAdminPassword = config.adminPassword && passwordProblem(config.adminPassword);
  if (weakAdminPassword) problems.push(`ADMIN_PASSWORD: ${weakAdminPassword}`);
  if (basemap === 'tianditu' && !config.tiandituKey) problems.push('BASEMAP=tianditu needs TIANDITU_KEY');
  if (!isTimeZone(config.timeZone))
    problems.push(`TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${env.TIME_ZONE}"`);
  if (problems.length) throw new ConfigError(`Configuration is not valid:\n- ${problems.join('\n- ')}`);
  // The process counts in one calendar: rollups, buckets and periods everywhere follow it.
  setTimeZone(config.timeZone);
  return config;
}
