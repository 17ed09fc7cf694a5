import type { ExportParams } from '../../components/Downloads';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Panel } from '../../components/Panel';
import type { ChartSeries_ScopeFragment } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';
import { axisFormat, monthLabel, SERIES_COLORS } from './axis';

const RATE_KEYS = new Set(['closure', 'onTime']);

/** Cases reported and closed per month (bars) with the closure and on-time rates (lines, right axis). */
export function CaseFlowChart({
  series,
  loading,
  downloads,
}: {
  series: ChartSeries_ScopeFragment | null;
  loading: boolean;
  downloads: ExportParams;
}) {
  const { language, strings } = useStrings();
  const data = (series?.reported ?? []).map((p, i) => ({
    month: monthLabel(p.start, language),
    reported: p.value ?? 0,
    closed: series!.closed[i]?.value ?? 0,
    closure: series!.closure[i]?.value ?? null,
    onTime: series!.onTime[i]?.value ?? null,
  }));
  const percent = axisFormat('ratio', language);
  return (
    <Panel
      downloads={downloads}
      title={`${strings.charts.caseFlow} · ${strings.charts.rates}`}
      testId="chart-cases"
      loading={loading}
      empty={data.every((d) => d.reported === 0 && d.closed === 0)}
    >
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="count" width={40} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} tickFormatter={percent} width={48} />
          <Tooltip
            formatter={(value, _name, item) => (RATE_KEYS.has(String(item.dataKey)) ? percent(value) : String(value))}
          />
          <Legend />
          <Bar
            yAxisId="count"
            dataKey="reported"
            name={strings.charts.reported}
            fill={SERIES_COLORS.first}
            isAnimationActive={false}
          />
          <Bar
            yAxisId="count"
            dataKey="closed"
            name={strings.charts.closed}
            fill={SERIES_COLORS.second}
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="closure"
            name={strings.metrics.CLOSURE_RATE}
            stroke="#b71c1c"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="onTime"
            name={strings.metrics.ON_TIME_RATE}
            stroke={SERIES_COLORS.third}
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </Panel>
  );
}
