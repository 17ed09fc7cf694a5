import { metricText } from '../../components/metricText';
import { graphql } from '../../gql';
import type { KpiCards_SummaryFragment } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';

export const KpiCards_summary = graphql(`
  fragment KpiCards_summary on MetricValue {
    metric
    value
    tooFewCases
  }
`);

/** One card per key figure; the raw number sits in data-value for tests and screen readers. */
export function KpiCards({ kpis }: { kpis: readonly KpiCards_SummaryFragment[] | null }) {
  const { language, strings } = useStrings();
  if (!kpis)
    return (
      <div className="kpis" aria-busy="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="kpi skeleton" />
        ))}
      </div>
    );
  return (
    <div className="kpis">
      {kpis.map(({ metric, value, tooFewCases }) => (
        <div
          key={metric}
          className="kpi"
          data-testid={`kpi-${metric.toLowerCase().replace(/_/g, '-')}`}
          data-value={value ?? ''}
        >
          <span className="kpi-label">{strings.metrics[metric]}</span>
          <span className="kpi-value">{metricText(metric, value, tooFewCases, language, strings)}</span>
        </div>
      ))}
    </div>
  );
}
