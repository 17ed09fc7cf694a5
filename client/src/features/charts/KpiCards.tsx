import { formatNumber, type Language } from '../../../../shared/format/number';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import type { Strings } from '../../i18n/catalogue';

export interface Kpi { metric: Metric; value: number | null; tooFewCases?: boolean }

/** One card per key figure; the raw number sits in data-value for tests and screen readers. */
export function KpiCards({ kpis, language, strings }: { kpis: Kpi[]; language: Language; strings: Strings }) {
  return (
    <div className="kpis">
      {kpis.map(({ metric, value, tooFewCases }) => (
        <div key={metric} className="kpi" data-testid={`kpi-${metric.toLowerCase().replace(/_/g, '-')}`} data-value={value ?? ''}>
          <span className="kpi-label">{strings.metrics[metric]}</span>
          <span className="kpi-value">{tooFewCases ? strings.tooFew : formatNumber(value, METRIC_DEFINITIONS[metric].unit, language)}</span>
        </div>
      ))}
    </div>
  );
}
