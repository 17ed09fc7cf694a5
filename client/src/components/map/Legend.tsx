import type { Language } from '../../../../shared/format/number';
import { formatNumber } from '../../../../shared/format/number';
import { NO_DATA_COLOR, type LegendClass } from '../../../../shared/geo/classify';
import type { MetricUnit } from '../../../../shared/metrics/definitions';

/** The choropleth's classes, drawn over the map's corner like Leaflet's own controls. */
export function Legend({
  title,
  classes,
  unit,
  language,
  noData,
}: {
  title: string;
  classes: LegendClass[];
  unit: MetricUnit;
  language: Language;
  noData: string;
}) {
  return (
    <div className="legend" data-testid="legend" aria-label={title}>
      <strong>{title}</strong>
      {classes.map((c) => (
        <div key={`${c.from}-${c.to}`} className="legend-row">
          <span className="swatch" style={{ background: c.color }} data-color={c.color} />
          {formatNumber(c.from, unit, language)} – {formatNumber(c.to, unit, language)}
        </div>
      ))}
      <div className="legend-row">
        <span className="swatch" style={{ background: NO_DATA_COLOR }} />
        {noData}
      </div>
    </div>
  );
}
