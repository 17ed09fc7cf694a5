import { metricParts, metricText } from '../../components/metricText';
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
      {kpis.map(({ metric, value, tooFewCases }) => {
        // 2.4万 and 24k on the card, so that it fits a laptop's width; the exact figure on hover.
        const { number, unit } = metricParts(metric, value, tooFewCases, language, strings, true);
        return (
          <div
            key={metric}
            className="kpi"
            data-testid={`kpi-${metric.toLowerCase().replace(/_/g, '-')}`}
            data-value={value ?? ''}
            title={metricText(metric, value, tooFewCases, language, strings)}
          >
            <span className="kpi-label">{strings.metrics[metric]}</span>
            <span className="kpi-value">
              {number}
              {unit && <span className="kpi-unit">{unit}</span>}
            </span>
          </div>
        );
      })}
    </div>
  );
}
