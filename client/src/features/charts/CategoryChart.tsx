import type { ExportParams } from '../../components/Downloads';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import type { ChartSeries_ScopeFragment } from '../../gql/graphql';
import type { Strings } from '../../i18n/catalogue';
import { useStrings } from '../../i18n/LanguageProvider';
import { SERIES_COLORS } from './axis';

/** Cases of the period by category: closed and still open. */
export function CategoryChart({
  categories,
  loading,
  downloads,
  provenance,
}: {
  categories: ChartSeries_ScopeFragment['categories'];
  loading: boolean;
  downloads: ExportParams;
  provenance: ProvenanceShown | null | undefined;
}) {
  const { strings } = useStrings();
  const data = categories
    .filter((c) => c.reported > 0)
    .map((c) => ({ ...c, name: strings.categories[c.category as keyof Strings['categories']] }))
    .sort((a, b) => b.reported - a.reported);
  return (
    <Panel
      downloads={downloads}
      provenance={provenance}
      title={strings.charts.categories}
      testId="chart-categories"
      loading={loading}
      empty={data.length === 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} layout="vertical" margin={{ left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" />
          <YAxis type="category" dataKey="name" width={72} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="closed"
            stackId="cases"
            name={strings.charts.closed}
            fill={SERIES_COLORS.second}
            isAnimationActive={false}
          />
          <Bar
            dataKey="open"
            stackId="cases"
            name={strings.charts.open}
            fill={SERIES_COLORS.third}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </Panel>
  );
}
