import type { ExportParams } from '../../components/Downloads';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import { useStrings } from '../../i18n/LanguageProvider';
import { axisFormat, placeAxis, SERIES_COLORS } from './axis';
import { ChartNote } from './ChartNote';
import { largestFirst } from './mostShown';
import type { ChartRow } from './rows';

/** Population and households side by side for each community or grid in scope, or the most populous of many. */
export function PopulationChart({
  rows,
  loading,
  downloads,
  provenance,
}: {
  rows: readonly ChartRow[];
  loading: boolean;
  downloads: ExportParams;
  provenance: ProvenanceShown | null | undefined;
}) {
  const { language, strings } = useStrings();
  const format = axisFormat('people', language);
  const shown = largestFirst(rows, (r) => r.population ?? 0);
  return (
    <Panel
      downloads={downloads}
      provenance={provenance}
      title={strings.charts.population}
      testId="chart-population"
      loading={loading}
      empty={shown.length === 0}
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={shown} margin={{ right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis {...placeAxis(shown.length)} />
          <YAxis tickFormatter={format} width={56} />
          <Tooltip formatter={format} />
          <Legend />
          <Bar
            dataKey="population"
            name={strings.metrics.POPULATION}
            fill={SERIES_COLORS.first}
            isAnimationActive={false}
          />
          <Bar
            dataKey="households"
            name={strings.metrics.HOUSEHOLDS}
            fill={SERIES_COLORS.second}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
      <ChartNote shown={shown.length} total={rows.length} />
    </Panel>
  );
}
