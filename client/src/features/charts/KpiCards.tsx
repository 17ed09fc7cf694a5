import { metricParts, metricText } from '../../components/metricText';
import { ProvenanceMark } from '../../components/ProvenanceMark';
import { changeOf } from '../../components/trend';
import { graphql } from '../../gql';
import type { KpiCards_SummaryFragment } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';
import { METRIC_DEFINITIONS } from '../../../../shared/metrics/definitions';

export const KpiCards_summary = graphql(`
  fragment KpiCards_summary on MetricValue {
    metric
    value
    tooFewCases
    provenance {
      kind
      source
      asOf
      qualifier
      restsOnGenerated
    }
    previous {
      value
    }
    yearEarlier {
      value
    }
  }
`);

/**
 * One card per key figure with where it comes from and, for figures of the period, its
 * change against the period before (环比) and a year before (同比); a standing figure
 * (population) shows the day it held instead. The raw numbers sit in data-value and
 * data-previous for tests and screen readers.
 */
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
      {kpis.map(({ metric, value, tooFewCases, provenance, previous, yearEarlier }) => {
        const atLeast = provenance?.qualifier === 'AT_LEAST';
        // 2.4万 and 24k on the card, so that it fits a laptop's width; the exact figure on hover.
        const { number, unit } = metricParts(metric, value, tooFewCases, language, strings, true, atLeast);
        const standing = METRIC_DEFINITIONS[metric].source === 'static';
        const changes = standing
          ? []
          : (
              [
                ['previous', previous?.value ?? null],
                ['yearEarlier', yearEarlier?.value ?? null],
              ] as const
            ).map(([which, earlier]) => ({
              which,
              change: changeOf(metric, value, earlier, language, strings.trend.points),
            }));
        return (
          <div
            key={metric}
            className="kpi"
            data-testid={`kpi-${metric.toLowerCase().replace(/_/g, '-')}`}
            data-value={value ?? ''}
            data-previous={previous?.value ?? ''}
            data-year-earlier={yearEarlier?.value ?? ''}
            data-provenance={provenance?.kind ?? ''}
          >
            <span className="kpi-label">
              <span className="kpi-name">{strings.metrics[metric]}</span>
              <ProvenanceMark provenance={provenance} />
            </span>
            <span className="kpi-value" title={metricText(metric, value, tooFewCases, language, strings, atLeast)}>
              {number}
              {unit && <span className="kpi-unit">{unit}</span>}
            </span>
            <span className="kpi-trend">
              {standing
                ? provenance?.asOf && `${strings.trend.asOf} ${provenance.asOf}`
                : changes.map(({ which, change }) => (
                    <span key={which} className={`change change-${change?.tone ?? 'none'}`} data-change={which}>
                      {strings.trend[which]}{' '}
                      {change ? `${{ up: '▲', down: '▼', same: '' }[change.direction]}${change.text}` : '—'}
                    </span>
                  ))}
            </span>
          </div>
        );
      })}
    </div>
  );
}
