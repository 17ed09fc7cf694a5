import { useQuery } from '@apollo/client/react';
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TileLevel } from '../../../../shared/geo/place-tiles';
import type { Metric } from '../../../../shared/metrics/definitions';
import { useStrings } from '../../i18n/LanguageProvider';
import { metricText } from '../metricText';
import { BASEMAP_CRS, type BasemapName, type ServerConfig } from './basemap';
import { useBasemapFallback } from './basemap-fallback';
import { FitBounds } from './GridMap';
import type { LabelCandidate } from './labelLayout';
import { legendColors } from './mapColors';
import { MapFrame } from './MapFrame';
import { MapLabels } from './MapLabels';
import { MAP_PLACE_VALUES, MAP_TILES } from './operations';
import { DOT_RADIUS, type PlaceTileLayer } from './PlaceTileLayer';
import { PlaceTiles } from './PlaceTiles';
import type { TilePlace } from './placeTiles';
import { PrintFit } from './PrintFit';

interface Props {
  metric: Metric;
  period: { from: string; to: string };
  basemap: BasemapName;
  config: ServerConfig | null;
  /** A community, or a grid (with its community) once zoomed in far enough to draw grids, was clicked (a sub-district is zoomed into). */
  onSelect(place: TilePlace): void;
  /** Its places are drawn in their colours, the first time and after each change. */
  onDrawn?(): void;
}

/** What the tiles on screen hold, once they are all drawn. */
interface Drawn {
  layer: PlaceTileLayer;
  places: TilePlace[];
}

const NO_PLACES: readonly never[] = [];

/**
 * Every community (or, zoomed in, every grid; zoomed out over a city, every sub-district) of the
 * jurisdiction, drawn from vector tiles of their shapes and coloured from a list of their values:
 * a city's 35,000 grids are drawn only where the screen shows them, the shapes are cached by the
 * browser, and another metric or period fetches the values alone.
 */
export function OverviewMap({ metric, period, basemap, config, onSelect, onDrawn }: Props) {
  const { language, strings } = useStrings();
  const fallback = useBasemapFallback(basemap, config);
  const crs = BASEMAP_CRS[fallback.shown];
  // Known once the tile layer is on the map at its first zoom: a city's first view may be of sub-districts.
  const [level, setLevel] = useState<TileLevel | null>(null);
  const [tilesLoading, setTilesLoading] = useState(true);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const tiles = useQuery(MAP_TILES, { variables: period });
  // Not kept in Apollo's cache: a city's 35,000 values would cost a frame to store, and are asked for by nothing else.
  const legend = useQuery(MAP_PLACE_VALUES, {
    variables: { level: level ?? 'COMMUNITY', metric, ...period },
    skip: !level,
    fetchPolicy: 'no-cache',
  });
  const data = legend.data?.mapLegend;
  const colors = useMemo(() => legendColors(data, metric, language, undefined), [data, metric, language]);
  const valueOf = useMemo(() => {
    const { codes = NO_PLACES, values = NO_PLACES, tooFewCases = NO_PLACES } = data?.places ?? {};
    return new Map(codes.map((code, i) => [code, { value: values[i] ?? null, tooFewCases: tooFewCases[i] ?? false }]));
  }, [data]);
  const fill = useCallback(
    (place: TilePlace) => {
      const value = place.level === level ? valueOf.get(place.code) : undefined;
      return value ? colors.fill(value) : colors.noData;
    },
    [valueOf, colors, level],
  );
  const label = (place: TilePlace) => {
    const value = valueOf.get(place.code);
    return `${place.name}：${metricText(metric, value?.value ?? null, value?.tooFewCases ?? false, language, strings)}`;
  };
  const onLoading = useCallback((loading: boolean, layer: PlaceTileLayer) => {
    setTilesLoading(loading);
    if (!loading) setDrawn({ layer, places: layer.placesDrawn() });
  }, []);
  const candidates = useCallback(
    (map: L.Map): LabelCandidate[] =>
      (drawn?.layer.placesInView() ?? []).map(({ place, at, width, dot }) => {
        const { x, y } = map.latLngToContainerPoint(at);
        return { code: place.code, name: place.name, x, y, width, priority: width, beside: dot ? DOT_RADIUS + 6 : 0 };
      }),
    [drawn],
  );
  const box = tiles.data?.mapTiles.bounds;
  const bounds = useMemo(() => box && L.latLngBounds([box.south, box.west], [box.north, box.east]), [box]);
  const shown = (drawn?.places ?? []).filter((p) => p.level === level).sort((a, b) => (a.code < b.code ? -1 : 1));
  const loading = tiles.loading || !level || legend.loading || tilesLoading;
  useEffect(() => {
    if (!loading) onDrawn?.();
  }, [loading, onDrawn]);
  return (
    <MapFrame
      fallback={fallback}
      config={config}
      metric={metric}
      colors={colors}
      loading={loading}
      attributes={{
        'data-level': level ?? '',
        'data-renderer': 'tiles',
        'data-features': loading ? 0 : shown.length,
        'data-fills': loading ? '' : shown.map(fill).join(','),
      }}
    >
      {/* Fitted first (effects run in order), so that no tile of the starting view is fetched. */}
      {bounds && <FitBounds bounds={bounds} fitKey={`overview/${basemap}`} />}
      {tiles.data && (
        <PlaceTiles
          url={tiles.data.mapTiles.url}
          communityMinZoom={tiles.data.mapTiles.communityMinZoom}
          crs={crs}
          fill={fill}
          label={label}
          onSelect={onSelect}
          onLoading={onLoading}
          onLevel={setLevel}
        />
      )}
      {drawn && !loading && <MapLabels candidates={candidates} group={level !== 'GRID'} />}
      {bounds && <PrintFit bounds={bounds} />}
    </MapFrame>
  );
}
