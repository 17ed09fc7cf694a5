import type { LatLngBoundsExpression, Layer } from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { TileLayer, useMap } from 'react-leaflet';
import type { Language } from '../../../../shared/format/number';
import type { TileArchiveInfo } from '../../../../shared/geo/tile-archive';
import { useStrings } from '../../i18n/LanguageProvider';
import { TILE_SOURCES, TILE_SUBDOMAINS, tileUrl, type BasemapName, type ServerConfig } from './basemap';
import { useZoom } from './useZoom';

/** Tiles that fail before any loads: the tile server is out of reach (no internet, a wrong URL or key). */
const FAILED_TILES = 4;

const ARCHIVE_URL = '/basemap/{z}/{x}/{y}';

function boundsOf({ bounds: [west, south, east, north] }: TileArchiveInfo): LatLngBoundsExpression {
  return [
    [south, west],
    [north, east],
  ];
}

/** A vector archive, drawn in the browser in Protomaps' light style; the renderer is loaded only for one. */
function VectorTiles({ archive, language }: { archive: TileArchiveInfo; language: Language }) {
  const map = useMap();
  useEffect(
    function addVectorLayer() {
      let layer: Layer | null = null;
      let removed = false;
      void import('protomaps-leaflet').then(({ leafletLayer }) => {
        if (removed) return;
        layer = leafletLayer({
          url: ARCHIVE_URL,
          flavor: 'light',
          lang: language === 'en' ? 'en' : 'zh-Hans',
          maxDataZoom: archive.maxZoom,
          bounds: boundsOf(archive),
        }) as unknown as Layer;
        layer.addTo(map);
      });
      return function removeVectorLayer() {
        removed = true;
        layer?.remove();
      };
    },
    [map, archive, language],
  );
  return null;
}

/**
 * The basemap's tile layers, under our boundaries. When FAILED_TILES of its tiles fail
 * before one loads, the basemap is reported as failed (useBasemapFallback draws another).
 */
export function BasemapLayers({
  basemap,
  config,
  onFailed,
}: {
  basemap: BasemapName;
  config: ServerConfig | null;
  onFailed(name: BasemapName): void;
}) {
  const zoom = useZoom();
  const { language } = useStrings();
  const tiles = useRef({ loaded: 0, failed: 0 });
  useEffect(
    function countAnew() {
      tiles.current = { loaded: 0, failed: 0 };
    },
    [basemap],
  );
  const eventHandlers = useMemo(
    () => ({
      tileload() {
        tiles.current.loaded += 1;
      },
      tileerror() {
        tiles.current.failed += 1;
        if (tiles.current.loaded === 0 && tiles.current.failed === FAILED_TILES) onFailed(basemap);
      },
    }),
    [basemap, onFailed],
  );
  if (!config || basemap === 'none') return null;
  const archive = config.offlineBasemap;
  if (basemap === 'offline') {
    // Left out below the archive's zooms rather than given Leaflet's minZoom, which would stop the whole map there.
    if (!archive || zoom < archive.minZoom) return null;
    if (archive.format === 'pbf') return <VectorTiles archive={archive} language={language} />;
    return (
      <TileLayer
        url={ARCHIVE_URL}
        bounds={boundsOf(archive)}
        maxNativeZoom={archive.maxZoom}
        maxZoom={18}
        eventHandlers={eventHandlers}
      />
    );
  }
  return TILE_SOURCES[basemap].map((source, i) => (
    <TileLayer
      key={source}
      url={tileUrl(config, source)}
      subdomains={TILE_SUBDOMAINS[source]}
      zIndex={i + 1}
      maxZoom={18}
      eventHandlers={eventHandlers}
    />
  ));
}
