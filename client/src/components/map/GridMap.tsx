import { useQuery } from '@apollo/client/react';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { CircleMarker, GeoJSON, Tooltip, useMap } from 'react-leaflet';
import type { Palette } from '../../../../shared/geo/classify';
import { convertGeometry, convertPosition } from '../../../../shared/geo/convert';
import type { Metric } from '../../../../shared/metrics/definitions';
import { useMapColors } from './mapColors';
import { featureCandidates, MapLabels } from './MapLabels';
import { metricText } from '../metricText';
import type { Strings } from '../../i18n/catalogue';
import { useStrings } from '../../i18n/LanguageProvider';
import { BASEMAP_CRS, type BasemapName, type ServerConfig } from './basemap';
import { useBasemapFallback } from './basemap-fallback';
import { MapFrame } from './MapFrame';
import { PrintFit } from './PrintFit';
import { COMMUNITY_OUTLINE, MAP_FEATURES, OPEN_CASES } from './operations';
import { useZoom } from './useZoom';

/** The properties the server puts on each feature of `mapFeatures` (a GeoJSON scalar, so not in the generated types). */
type Properties = { code: string; name: string; value: number | null; tooFewCases: boolean };
type Collection = FeatureCollection<Geometry, Properties>;

interface Props {
  communityCode: string | null;
  gridCode: string | null;
  metric: Metric;
  period: { from: string; to: string };
  basemap: BasemapName;
  config: ServerConfig | null;
  onSelect(code: string): void;
  /** Outline this community or grid (the wall's current item). */
  highlightCode?: string | null;
  /** Draw only these communities or grids (a wall scoped to one sub-district). */
  onlyCodes?: string[] | null;
  /** The classes' colours: by default the metric's (or its grades'); a wall theme's that stand out from its background. */
  palette?: Palette;
  /** A wall: names always on the areas (nobody hovers), colours drawn solid as the legend shows them. */
  namesShown?: boolean;
  /** A building to pick out among its grid's (where a search hit leads): larger, outlined, its name shown. */
  buildingCode?: string | null;
  /** A building's dot was clicked: open its view. */
  onBuilding?(code: string): void;
}

/** Below this zoom a community (a few hundred metres across) is too small to see: draw a marker too. */
const MARKER_ZOOM = 13;

/** Fit the map to `bounds` when `fitKey` changes (another place), not when only the metric does. */
export function FitBounds({ bounds, fitKey }: { bounds: L.LatLngBounds | null; fitKey: string }) {
  const map = useMap();
  const fittedKey = useRef<string | null>(null);
  useEffect(
    function fitToPlaces() {
      if (fittedKey.current === fitKey || !bounds?.isValid()) return;
      map.fitBounds(bounds, { padding: [28, 28], maxZoom: 17 });
      fittedKey.current = fitKey;
    },
    [map, fitKey, bounds],
  );
  return null;
}

function centre(feature: Feature<Geometry>): [number, number] {
  const c = L.geoJSON(feature).getBounds().getCenter();
  return [c.lat, c.lng];
}

function CommunityMarkers({
  features,
  fill,
  label,
  highlightCode,
}: {
  features: Feature<Geometry, Properties>[];
  fill: (p: Properties) => string;
  label: (p: Properties) => string;
  highlightCode: string | null;
}) {
  const zoom = useZoom();
  if (zoom >= MARKER_ZOOM) return null;
  // A wall's current item is drawn last (on top) and labelled; the dashboard's names are MapLabels'.
  const ordered = [...features].sort(
    (a, b) => Number(a.properties.code === highlightCode) - Number(b.properties.code === highlightCode),
  );
  return ordered.map((f) => (
    <CircleMarker
      key={`${f.properties.code}-${f.properties.code === highlightCode}`}
      center={centre(f)}
      radius={f.properties.code === highlightCode ? 16 : 11}
      pathOptions={{
        fillColor: fill(f.properties),
        fillOpacity: 0.9,
        color: f.properties.code === highlightCode ? '#ff5252' : '#fff',
        weight: f.properties.code === highlightCode ? 4 : 2,
      }}
    >
      <Tooltip permanent={f.properties.code === highlightCode} direction="right" offset={[10, 0]}>
        {label(f.properties)}
      </Tooltip>
    </CircleMarker>
  ));
}

/**
 * Communities, one community's grids, or one grid's buildings and open cases, as a
 * choropleth. With no basemap only our own boundaries are drawn; with AMap the
 * geometry is converted to GCJ-02 so that it sits on the streets.
 */
export function GridMap({
  communityCode,
  gridCode,
  metric,
  period,
  basemap,
  config,
  onSelect,
  highlightCode = null,
  onlyCodes = null,
  palette,
  namesShown = false,
  buildingCode = null,
  onBuilding,
}: Props) {
  const { language, strings } = useStrings();
  const level = gridCode ? 'BUILDING' : communityCode ? 'GRID' : 'COMMUNITY';
  const areas = useQuery(MAP_FEATURES, {
    variables: { level: communityCode ? 'GRID' : 'COMMUNITY', metric, communityCode, ...period },
  });
  const points = useQuery(MAP_FEATURES, {
    variables: { level: 'BUILDING', metric, gridCode, ...period },
    skip: !gridCode,
  });
  const cases = useQuery(OPEN_CASES, { variables: { gridCode: gridCode ?? '' }, skip: !gridCode });
  const outline = useQuery(COMMUNITY_OUTLINE, { variables: { code: communityCode ?? '' }, skip: !communityCode });
  // A basemap whose tiles fail gives way to the offline archive or to none: the geometry follows the one drawn.
  const basemapFallback = useBasemapFallback(basemap, config);
  const crs = BASEMAP_CRS[basemapFallback.shown];
  const shown = useMemo(() => {
    const convert = (data: unknown): Collection | undefined => {
      const c = data as Collection | undefined;
      return (
        c && {
          ...c,
          features: c.features
            .filter((f) => !onlyCodes || onlyCodes.includes(f.properties.code))
            .map((f) => ({ ...f, geometry: convertGeometry(f.geometry, 'WGS84', crs) })),
        }
      );
    };
    return { areas: convert(areas.data?.mapFeatures), points: convert(points.data?.mapFeatures) };
  }, [areas.data, points.data, crs, onlyCodes]);
  const primary = level === 'BUILDING' ? shown.points : shown.areas;
  const colors = useMapColors(level, metric, period, language, palette);
  const fill = colors.fill;
  const label = (p: Properties) => `${p.name}：${metricText(metric, p.value, p.tooFewCases, language, strings)}`;
  // A grid's few dozen buildings as SVG: each dot an element a keyboard, a screen reader or a test can reach.
  const buildingRenderer = useMemo(() => L.svg({ padding: 0.5, pane: 'markerPane' }), []);
  const loading = areas.loading || points.loading || colors.loading;
  const fitKey = `${communityCode}/${gridCode}/${basemap}`;
  const drawn = primary && !loading ? primary.features : [];
  const selectedGrid = shown.areas?.features.find((f) => f.properties.code === gridCode);
  const bounds = useMemo(
    () => ({
      fit: primary && L.geoJSON(level === 'BUILDING' && selectedGrid ? selectedGrid : primary).getBounds(),
      print: primary && L.geoJSON(primary).getBounds(),
    }),
    [primary, level, selectedGrid],
  );
  const labels = useMemo(
    () => shown.areas && featureCandidates(shown.areas.features, level === 'COMMUNITY' ? 14 : 0),
    [shown.areas, level],
  );
  return (
    <MapFrame
      fallback={basemapFallback}
      config={config}
      metric={metric}
      colors={colors}
      loading={loading}
      attributes={{
        'data-level': level,
        'data-features': drawn.length,
        'data-fills': drawn.map((f) => fill(f.properties)).join(','),
      }}
    >
      {shown.areas && (
        <GeoJSON
          key={`${level}-${communityCode}-${gridCode}-${metric}-${language}-${crs}-${period.from}-${highlightCode}-${namesShown}-${colors.rows.map((c) => c.label).join()}`}
          data={shown.areas}
          style={(feature) =>
            level === 'BUILDING'
              ? {
                  fillColor: '#fff',
                  fillOpacity: 0.5,
                  color: feature?.properties.code === gridCode ? '#b71c1c' : '#98a2b3',
                  weight: feature?.properties.code === gridCode ? 3 : 1,
                }
              : {
                  fillColor: fill(feature!.properties),
                  fillOpacity: namesShown ? 1 : 0.82,
                  color: feature!.properties.code === highlightCode ? '#ff5252' : '#fff',
                  weight: feature!.properties.code === highlightCode ? 5 : 1.5,
                }
          }
          onEachFeature={(feature: Feature<Geometry, Properties>, layer) => {
            if (namesShown && level === 'GRID')
              layer.bindTooltip(feature.properties.name, {
                permanent: true,
                direction: 'center',
                className: 'map-name',
              });
            else if (level !== 'BUILDING') layer.bindTooltip(label(feature.properties), { sticky: true });
            layer.on('click', () => onSelect(feature.properties.code));
          }}
        />
      )}
      {level === 'COMMUNITY' && shown.areas && (
        <CommunityMarkers features={shown.areas.features} fill={fill} label={label} highlightCode={highlightCode} />
      )}
      {/* Names for people at a desk; a wall names its current item itself (nobody hovers there). */}
      {!namesShown && !highlightCode && level !== 'BUILDING' && labels && !loading && (
        <MapLabels candidates={labels} group={level === 'COMMUNITY'} />
      )}
      {level === 'BUILDING' &&
        shown.points?.features.map((f) => {
          const picked = f.properties.code === buildingCode;
          return (
            <CircleMarker
              // A tooltip's options are read once: the building picked or let go is drawn anew (and on top).
              key={`${f.properties.code}-${picked}`}
              // Above the grids' veil, which is drawn anew when the classes change; the cases, after, above them.
              pane="markerPane"
              center={[(f.geometry as Point).coordinates[1], (f.geometry as Point).coordinates[0]]}
              radius={picked ? 11 : 6}
              eventHandlers={{ click: () => onBuilding?.(f.properties.code) }}
              // Read once, when the dot is made (pathOptions only restyle it).
              renderer={buildingRenderer}
              className={`building-dot building-${f.properties.code}`}
              pathOptions={{
                fillColor: fill(f.properties),
                fillOpacity: 0.9,
                color: picked ? '#ff5252' : '#333',
                weight: picked ? 4 : 1,
              }}
            >
              <Tooltip permanent={picked}>{label(f.properties)}</Tooltip>
            </CircleMarker>
          );
        })}
      {level === 'BUILDING' &&
        cases.data?.cases.edges
          .filter((e) => e.node.location)
          .map(({ node }) => {
            const [lng, lat] = convertPosition([node.location!.lng, node.location!.lat], 'WGS84', crs);
            return (
              <CircleMarker
                key={node.code}
                pane="markerPane"
                center={[lat, lng]}
                radius={7}
                pathOptions={{
                  fillColor: node.overdue ? '#d7191c' : '#fdae61',
                  fillOpacity: 1,
                  color: '#7a0000',
                  weight: 2,
                }}
              >
                <Tooltip>
                  {strings.categories[node.category as keyof Strings['categories']]}
                  {node.description && `：${node.description}`}
                </Tooltip>
              </CircleMarker>
            );
          })}
      {/* The community's outline around its grids: where the jurisdiction ends, with no basemap to say so. */}
      {outline.data?.community?.boundary ? (
        <GeoJSON
          key={`outline-${communityCode}-${crs}`}
          data={convertGeometry(outline.data.community.boundary as Geometry, 'WGS84', crs)}
          interactive={false}
          style={{ fill: false, color: '#1f2a37', weight: 2.5, dashArray: '6 4' }}
        />
      ) : null}
      {bounds.fit && <FitBounds bounds={bounds.fit} fitKey={fitKey} />}
      {bounds.print && <PrintFit bounds={bounds.print} />}
    </MapFrame>
  );
}
