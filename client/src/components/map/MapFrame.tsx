import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useMemo, type ReactNode } from 'react';
import { MapContainer, ZoomControl } from 'react-leaflet';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { useStrings } from '../../i18n/LanguageProvider';
import type { ServerConfig } from './basemap';
import type { BasemapFallback } from './basemap-fallback';
import { BasemapLayers } from './BasemapLayers';
import { BasemapStatus } from './BasemapStatus';
import { Legend } from './Legend';
import type { MapColors } from './mapColors';

/**
 * What every dashboard map has around its places: the Leaflet map with its zoom buttons and
 * basemap, the basemap's notices and credits, the legend of the metric, and "loading" while
 * `loading`. `attributes` are data-* attributes that say what is drawn (for tests and tools).
 */
export function MapFrame({
  fallback,
  config,
  metric,
  colors,
  loading,
  attributes,
  children,
}: {
  fallback: BasemapFallback;
  config: ServerConfig | null;
  metric: Metric;
  colors: MapColors;
  loading: boolean;
  attributes: Record<`data-${string}`, string | number>;
  children: ReactNode;
}) {
  const { language, strings } = useStrings();
  const renderer = useMemo(() => L.canvas({ padding: 0.5 }), []);
  return (
    <div className="map-frame" data-testid="grid-map" aria-busy={loading} {...attributes}>
      <MapContainer
        center={[34, 112]}
        zoom={5}
        preferCanvas
        renderer={renderer}
        attributionControl={false}
        zoomControl={false}
        className="map"
      >
        {/* Leaflet names its buttons in English; anew when the language changes, as it reads them once. */}
        <ZoomControl key={language} zoomInTitle={strings.zoomIn} zoomOutTitle={strings.zoomOut} />
        <BasemapLayers basemap={fallback.shown} config={config} onFailed={fallback.onFailed} />
        {children}
      </MapContainer>
      <BasemapStatus fallback={fallback} config={config} />
      <Legend
        title={strings.metrics[metric]}
        rows={colors.rows}
        noDataColor={colors.noData}
        noData={METRIC_DEFINITIONS[metric].isRate ? `${strings.tooFew} / ${strings.empty}` : strings.empty}
      />
      {loading && <div className="map-loading">{strings.loading}</div>}
    </div>
  );
}
