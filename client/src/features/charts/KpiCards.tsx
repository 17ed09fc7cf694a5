import type { Language } from '../../../../shared/format/number';
import type { Metric } from '../../../../shared/metrics/definitions';
import { metricText } from '../../components/metricText';
import type { Strings } from '../../i18n/catalogue';

export interface Kpi { metric: Metric; value: number | null; tooFewCases: boolean }

/** One card per key figure; the raw number sits in data-value for tests and screen readers. */
export function KpiCards({ kpis, language, strings }: { kpis: Kpi[] | null; language: Language; strings: Strings }) {
  if (!kpis) return <div className="kpis" aria-busy="true">{Array.from({ length: 8 }, (_, i) => <div key={i} className="kpi skeleton" />)}</div>;
  return (
    <div className="kpis">
      {kpis.map(({ metric, value, tooFewCases }) => (
        <div key={metric} className="kpi" data-testid={`kpi-${metric.toLowerCase().replace(/_/g, '-')}`} data-value={value ?? ''}>
          <span className="kpi-label">{strings.metrics[metric]}</span>
          <span className="kpi-value">{metricText(metric, value, tooFewCases, language, strings)}</span>
        </div>
      ))}
    </div>
  );
}
