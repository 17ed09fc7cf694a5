import type { Language } from '../../../../shared/format/number';
import { formatNumber } from '../../../../shared/format/number';
import type { LegendClass } from '../../../../shared/geo/classify';
import type { MetricUnit } from '../../../../shared/metrics/definitions';

/** A class's range as read: one value when it holds one ("0", not "0 – 0"), else from – to. */
export function classLabel(c: LegendClass, unit: MetricUnit, language: Language): string {
  const [from, to] = [formatNumber(c.from, unit, language), formatNumber(c.to, unit, language)];
  return from === to ? from : `${from} – ${to}`;
}

/** One row of a legend: a colour and what it stands for. */
export interface LegendRow {
  color: string;
  label: string;
}

/** The choropleth's classes, drawn over the map's corner like Leaflet's own controls. */
export function Legend({
  title,
  rows,
  noData,
  noDataColor,
}: {
  title: string;
  rows: LegendRow[];
  noData: string;
  noDataColor: string;
}) {
  return (
    <div className="legend" data-testid="legend" aria-label={title}>
      <strong>{title}</strong>
      {rows.map((row) => (
        <div key={row.label} className="legend-row" data-testid="legend-class">
          <span className="swatch" style={{ background: row.color }} data-color={row.color} />
          {row.label}
        </div>
      ))}
      <div className="legend-row">
        <span className="swatch" style={{ background: noDataColor }} data-color={noDataColor} />
        {noData}
      </div>
    </div>
  );
}
