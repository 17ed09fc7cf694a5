import { useEffect, useState } from 'react';
import type { Crs } from '../../../../shared/geo/convert';
import type { TileArchiveInfo } from '../../../../shared/geo/tile-archive';
import { setTimeZone } from '../../../../shared/time/buckets';

/** `offline` is the archive the server serves itself (BASEMAP=file:…). */
export type BasemapName = 'none' | 'offline' | 'tianditu' | 'amap' | 'osm';
export type OnlineBasemap = Exclude<BasemapName, 'none' | 'offline'>;
/** The server's tile URL templates: one per online basemap, and Tianditu's place names. */
export type TileSource = OnlineBasemap | 'tiandituAnnotation';

export interface ServerConfig {
  basemap: BasemapName;
  tiandituKey: string | null;
  tileUrls: Record<TileSource, string>;
  /** The archive of BASEMAP=file:…, served at /basemap/{z}/{x}/{y}; null without one. */
  offlineBasemap: TileArchiveInfo | null;
  /** MAP_APPROVAL_NUMBER: the 审图号 shown in the map's corner. */
  mapApprovalNumber: string | null;
  /** Whether aggregates can be read without signing in. */
  publicDashboard: boolean;
  /** TIME_ZONE: the calendar figures are counted in, and dates are shown in. */
  timeZone: string;
}

/** The coordinate system each basemap's tiles are drawn in. */
export const BASEMAP_CRS: Record<BasemapName, Crs> = {
  none: 'WGS84',
  offline: 'WGS84',
  tianditu: 'WGS84',
  osm: 'WGS84',
  amap: 'GCJ02',
};

/** The tile layers of each online basemap, bottom first: Tianditu draws its place names (cva) over its streets (vec). */
export const TILE_SOURCES: Record<OnlineBasemap, TileSource[]> = {
  tianditu: ['tianditu', 'tiandituAnnotation'],
  amap: ['amap'],
  osm: ['osm'],
};

export const TILE_SUBDOMAINS: Record<TileSource, string> = {
  tianditu: '01234567',
  tiandituAnnotation: '01234567',
  amap: '1234',
  osm: 'abc',
};

/** The basemaps to choose from: the offline archive only when the server has one. */
export function basemapsOffered(config: ServerConfig | null): BasemapName[] {
  const all: BasemapName[] = ['none', 'offline', 'tianditu', 'amap', 'osm'];
  return all.filter((name) => name !== 'offline' || config?.offlineBasemap);
}

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

export function tileUrl(config: ServerConfig, source: TileSource): string {
  return config.tileUrls[source].replace('{key}', config.tiandituKey ?? '');
}
