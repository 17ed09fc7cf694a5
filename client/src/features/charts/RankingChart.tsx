import type { ExportParams } from '../../components/Downloads';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { Panel } from '../../components/Panel';
import { useStrings } from '../../i18n/LanguageProvider';
import { axisFormat, SERIES_COLORS } from './axis';
import type { ChartRow } from './rows';

/** Communities or grids ranked by the selected metric; click a bar to drill down. */
export function RankingChart({
  rows,
  metric,
  loading,
  onSelect,
  downloads,
}: {
  rows: readonly ChartRow[];
  metric: Metric;
  loading: boolean;
  onSelect(code: string): void;
  downloads: ExportParams;
}) {
  const { language, strings } = useStrings();
  const ranked = rows
    .filter((r) => r.selected.value !== null && !r.selected.tooFewCases)
    .map((r) => ({ code: r.code, name: r.name, value: r.selected.value! }))
    .sort((a, b) => b.value - a.value);
  const thin = rows.filter((r) => r.selected.tooFewCases).map((r) => r.name);
  const format = axisFormat(METRIC_DEFINITIONS[metric].unit, language);
  return (
    <Panel
      downloads={downloads}
      title={`${strings.ranking} · ${strings.metrics[metric]}`}
      testId="chart-ranking"
      loading={loading}
      empty={ranked.length === 0 && thin.length === 0}
    >
      <ResponsiveContainer width="100%" height={Math.min(420, Math.max(150, ranked.length * 26 + 40))}>
        <BarChart data={ranked} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={format} />
          <YAxis type="category" dataKey="name" width={84} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={format} />
          <Bar
            dataKey="value"
            name={strings.metrics[metric]}
            fill={SERIES_COLORS.first}
            isAnimationActive={false}
            onClick={(entry) => onSelect((entry as unknown as { code: string }).code)}
            cursor="pointer"
          />
        </BarChart>
      </ResponsiveContainer>
      {thin.length > 0 && (
        <p className="empty" data-testid="too-few">
          {strings.tooFew}：{thin.join('、')}
        </p>
      )}
    </Panel>
  );
}
