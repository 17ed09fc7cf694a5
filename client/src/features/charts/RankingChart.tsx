import type { ExportParams } from '../../components/Downloads';
import type { Metric } from '../../../../shared/metrics/definitions';
import { metricText } from '../../components/metricText';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import { useStrings } from '../../i18n/LanguageProvider';
import { SERIES_COLORS } from './axis';
import type { ChartRow } from './rows';

/**
 * Communities or grids ranked by the selected metric, as bars that are buttons: click one, or Tab to it and
 * press Enter, to drill down.
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
  const largest = Math.max(0, ...ranked.map((r) => r.value));
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
        {ranked.map((row) => (
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
        ))}
      </ol>
      {thin.length > 0 && (
        <p className="empty" data-testid="too-few">
          {strings.tooFew}：{thin.join('、')}
        </p>
      )}
    </Panel>
  );
}
