import { useEffect, useState } from 'react';
import type { Crs } from '../../../../shared/geo/convert';
import { setTimeZone } from '../../../../shared/time/buckets';

export type BasemapName = 'none' | 'tianditu' | 'amap' | 'osm';
export const BASEMAPS: BasemapName[] = ['none', 'tianditu', 'amap', 'osm'];

export interface ServerConfig {
  basemap: BasemapName;
  tiandituKey: string | null;
  tileUrls: Record<Exclude<BasemapName, 'none'>, string>;
  /** Whether aggregates can be read without signing in. */
  publicDashboard: boolean;
  /** TIME_ZONE: the calendar figures are counted in, and dates are shown in. */
  timeZone: string;
}

/** The coordinate system each basemap's tiles are drawn in. */
export const BASEMAP_CRS: Record<BasemapName, Crs> = { none: 'WGS84', tianditu: 'WGS84', osm: 'WGS84', amap: 'GCJ02' };

export const TILE_SUBDOMAINS: Record<Exclude<BasemapName, 'none'>, string> = {
  tianditu: '01234567',
  amap: '1234',
  osm: 'abc',
};

/**
 * Tile URLs, the default basemap and the time zone come from the server's configuration,
 * never from the bundle; the zone is set for the shared calendar (periods, buckets, dates).
 */
export function useServerConfig(): ServerConfig | null {
  const [config, setConfig] = useState<ServerConfig | null>(null);
  useEffect(function loadConfig() {
    const controller = new AbortController();
    fetch('/config.json', { signal: controller.signal })
      .then((r) => r.json())
      .then((loaded: ServerConfig) => {
        setTimeZone(loaded.timeZone);
        setConfig(loaded);
      })
      .catch(() => undefined);
    return function cancelLoad() {
      controller.abort();
    };
  }, []);
  return config;
}

export function tileUrl(config: ServerConfig, basemap: Exclude<BasemapName, 'none'>): string {
  return config.tileUrls[basemap].replace('{key}', config.tiandituKey ?? '');
}
