import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Language } from '../../../../shared/format/number';
import { Panel } from '../../components/Panel';
import type { Strings } from '../../i18n/catalogue';
import { axisFormat, SERIES_COLORS } from './axis';
import type { ChildRow } from './operations';

/** Population and households side by side for each community or grid in scope. */
export function PopulationChart({ rows, language, strings, loading }: { rows: ChildRow[]; language: Language; strings: Strings; loading: boolean }) {
  const format = axisFormat('people', language);
  return (
    <Panel title={strings.charts.population} testId="chart-population" loading={loading} empty={rows.length === 0} strings={strings}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={rows.length > 6 ? -30 : 0} textAnchor={rows.length > 6 ? 'end' : 'middle'} height={rows.length > 6 ? 50 : 30} />
          <YAxis tickFormatter={format} width={56} />
          <Tooltip formatter={format} />
          <Legend />
          <Bar dataKey="population" name={strings.metrics.POPULATION} fill={SERIES_COLORS.first} isAnimationActive={false} />
          <Bar dataKey="households" name={strings.metrics.HOUSEHOLDS} fill={SERIES_COLORS.second} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Panel>
  );
}
