import { useQuery } from '@apollo/client/react';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { classify, colorFor, PALETTES, type Palette } from '../../../../shared/geo/classify';
import { convertGeometry, convertPosition } from '../../../../shared/geo/convert';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { metricText } from '../metricText';
import type { Strings } from '../../i18n/catalogue';
import { useStrings } from '../../i18n/LanguageProvider';
import { BASEMAP_CRS, TILE_SUBDOMAINS, tileUrl, type BasemapName, type ServerConfig } from './basemap';
import { Legend } from './Legend';
import { MAP_FEATURES, OPEN_CASES } from './operations';

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
  /** The classes' colours: the dashboard's, or a wall theme's that stand out from its background. */
  palette?: Palette;
  /** A wall: names always on the areas (nobody hovers), colours drawn solid as the legend shows them. */
  namesShown?: boolean;
}

/** Below this zoom a community (a few hundred metres across) is too small to see: draw a marker too. */
const MARKER_ZOOM = 13;

function FitBounds({ data, fitKey }: { data: FeatureCollection; fitKey: string }) {
  const map = useMap();
  const fittedKey = useRef<string | null>(null);
  useEffect(
    function fitToFeatures() {
      // Refit only when the place changes, not when the metric does.
      if (fittedKey.current === fitKey) return;
      const bounds = L.geoJSON(data).getBounds();
      if (!bounds.isValid()) return;
      map.fitBounds(bounds, { padding: [28, 28], maxZoom: 17 });
      fittedKey.current = fitKey;
    },
    [map, fitKey, data],
  );
  return null;
}

function useZoom(): number {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  return zoom;
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
  // The current item is drawn last (on top) and, when there is one, is the only one labelled: labels of nearby communities overlap.
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
      <Tooltip permanent={!highlightCode || f.properties.code === highlightCode} direction="right" offset={[10, 0]}>
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
  palette = PALETTES.dashboard,
  namesShown = false,
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
  const crs = BASEMAP_CRS[basemap];
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
  const classes = useMemo(
    () => classify(primary?.features.map((f) => f.properties.value) ?? [], palette),
    [primary, palette],
  );
  const fill = (p: Properties) => colorFor(p.tooFewCases ? null : p.value, classes, palette.noData);
  const label = (p: Properties) => `${p.name}：${metricText(metric, p.value, p.tooFewCases, language, strings)}`;
  const renderer = useMemo(() => L.canvas({ padding: 0.5 }), []);
  const loading = areas.loading || points.loading;
  const fitKey = `${communityCode}/${gridCode}/${basemap}`;
  const drawn = primary && !loading ? primary.features : [];
  const selectedGrid = shown.areas?.features.find((f) => f.properties.code === gridCode);
  return (
    <div
      className="map-frame"
      data-testid="grid-map"
      aria-busy={loading}
      data-level={level}
      data-features={drawn.length}
      data-fills={drawn.map((f) => fill(f.properties)).join(',')}
    >
      <MapContainer
        center={[34, 112]}
        zoom={5}
        preferCanvas
        renderer={renderer}
        attributionControl={false}
        className="map"
      >
        {basemap !== 'none' && config && (
          <TileLayer key={basemap} url={tileUrl(config, basemap)} subdomains={TILE_SUBDOMAINS[basemap]} maxZoom={18} />
        )}
        {shown.areas && (
          <GeoJSON
            key={`${level}-${communityCode}-${gridCode}-${metric}-${language}-${crs}-${period.from}-${highlightCode}-${namesShown}-${classes.map((c) => c.color).join()}`}
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
        {level === 'BUILDING' &&
          shown.points?.features.map((f) => (
            <CircleMarker
              key={f.properties.code}
              center={[(f.geometry as Point).coordinates[1], (f.geometry as Point).coordinates[0]]}
              radius={6}
              pathOptions={{ fillColor: fill(f.properties), fillOpacity: 0.9, color: '#333', weight: 1 }}
            >
              <Tooltip>{label(f.properties)}</Tooltip>
            </CircleMarker>
          ))}
        {level === 'BUILDING' &&
          cases.data?.cases.edges
            .filter((e) => e.node.location)
            .map(({ node }) => {
              const [lng, lat] = convertPosition([node.location!.lng, node.location!.lat], 'WGS84', crs);
              return (
                <CircleMarker
                  key={node.code}
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
        {primary && (
          <FitBounds
            data={
              level === 'BUILDING' && selectedGrid ? { type: 'FeatureCollection', features: [selectedGrid] } : primary
            }
            fitKey={fitKey}
          />
        )}
      </MapContainer>
      <Legend
        title={strings.metrics[metric]}
        classes={classes}
        unit={METRIC_DEFINITIONS[metric].unit}
        language={language}
        noDataColor={palette.noData}
        noData={METRIC_DEFINITIONS[metric].isRate ? `${strings.tooFew} / ${strings.empty}` : strings.empty}
      />
      {loading && <div className="map-loading">{strings.loading}</div>}
    </div>
  );
}
