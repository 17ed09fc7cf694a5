import type { ExportParams } from '../../components/Downloads';
import type { Metric } from '../../../../shared/metrics/definitions';
import { metricText } from '../../components/metricText';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import { useStrings } from '../../i18n/LanguageProvider';
import { SERIES_COLORS } from './axis';
import { bestAndWorst, MOST_PLACES } from './mostShown';
import type { ChartRow } from './rows';

/**
 * Communities or grids ranked by the selected metric, as bars that are buttons: click one, or Tab to it and
 * press Enter, to drill down. Of many, the best and the worst (the search box finds the rest).
 */
export function RankingChart({
  rows,
  metric,
  loading,
  onSelect,
  downloads,
  provenance,
}: {
  rows: readonly ChartRow[];
  metric: Metric;
  loading: boolean;
  onSelect(code: string): void;
  downloads: ExportParams;
  provenance: ProvenanceShown | null | undefined;
}) {
  const { language, strings } = useStrings();
  const ranked = rows
    .filter((r) => r.selected.value !== null && !r.selected.tooFewCases)
    .map((r) => ({ code: r.code, name: r.name, value: r.selected.value! }))
    .sort((a, b) => b.value - a.value);
  const thin = rows.filter((r) => r.selected.tooFewCases).map((r) => r.name);
  const largest = ranked.length ? ranked[0].value : 0;
  const { best, worst, between } = bestAndWorst(ranked);
  const bar = (row: (typeof ranked)[number]) => (
    <li key={row.code}>
      <button type="button" onClick={() => onSelect(row.code)} data-testid={`rank-${row.code}`}>
        <span className="ranking-name">{row.name}</span>
        <span className="ranking-bar">
          <span
            style={{
              width: `${largest > 0 ? (row.value / largest) * 100 : 0}%`,
              background: SERIES_COLORS.first,
            }}
          />
        </span>
        <span className="ranking-value">{metricText(metric, row.value, false, language, strings)}</span>
      </button>
    </li>
  );
  return (
    <Panel
      downloads={downloads}
      provenance={provenance}
      title={`${strings.ranking} · ${strings.metrics[metric]}`}
      testId="chart-ranking"
      loading={loading}
      empty={ranked.length === 0 && thin.length === 0}
    >
      <ol className="ranking-rows">
        {best.map(bar)}
        {between > 0 && (
          <li className="ranking-between" data-testid="ranking-between">
            {strings.charts.between.replace('{count}', between.toLocaleString(language))}
          </li>
        )}
        {worst.map(bar)}
      </ol>
      {thin.length > 0 && (
        <p className="empty" data-testid="too-few">
          {strings.tooFew}：{thin.slice(0, MOST_PLACES).join('、')}
          {thin.length > MOST_PLACES &&
            ` ${strings.charts.andMore.replace('{count}', (thin.length - MOST_PLACES).toLocaleString(language))}`}
        </p>
      )}
    </Panel>
  );
}
