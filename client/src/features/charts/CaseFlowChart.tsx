import type { ExportParams } from '../../components/Downloads';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import type { ChartSeries_ScopeFragment } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';
import { axisFormat, monthLabels, SERIES_COLORS, withPartialMonth } from './axis';

const RATE_KEYS = new Set(['closure', 'onTime', 'closurePartial', 'onTimePartial']);

/** Cases reported and closed per month (bars) with the closure and on-time rates (lines, right axis). */
export function CaseFlowChart({
  series,
  loading,
  partial,
  downloads,
  provenance,
}: {
  series: ChartSeries_ScopeFragment | null;
  loading: boolean;
  /** The last month is not over: its bars faint, its rates hollow dots, not read as a drop. */
  partial: boolean;
  downloads: ExportParams;
  provenance: ProvenanceShown | null | undefined;
}) {
  const { language, strings } = useStrings();
  const reported = series?.reported ?? [];
  const months = monthLabels(
    reported.map((p) => p.start),
    language,
  );
  const data = withPartialMonth(
    reported.map((p, i) => ({
      month: months[i],
      reported: p.value ?? 0,
      closed: series!.closed[i]?.value ?? 0,
      closure: series!.closure[i]?.value ?? null,
      onTime: series!.onTime[i]?.value ?? null,
    })),
    ['closure', 'onTime'],
    partial,
  );
  const faint = (i: number) => (partial && i === data.length - 1 ? 0.35 : 1);
  const partName = (name: string) => `${name}（${strings.trend.partial}）`;
  const percent = axisFormat('ratio', language);
  return (
    <Panel
      downloads={downloads}
      provenance={provenance}
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
          <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} tickFormatter={percent} width={58} />
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
          >
            {data.map((_, i) => (
              <Cell key={i} fillOpacity={faint(i)} />
            ))}
          </Bar>
          <Bar
            yAxisId="count"
            dataKey="closed"
            name={strings.charts.closed}
            fill={SERIES_COLORS.second}
            isAnimationActive={false}
          >
            {data.map((_, i) => (
              <Cell key={i} fillOpacity={faint(i)} />
            ))}
          </Bar>
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
          {partial && (
            <Line
              yAxisId="rate"
              dataKey="closurePartial"
              name={partName(strings.metrics.CLOSURE_RATE)}
              stroke="#b71c1c"
              dot={{ r: 3, fill: '#fff', strokeWidth: 2 }}
              legendType="none"
              isAnimationActive={false}
            />
          )}
          {partial && (
            <Line
              yAxisId="rate"
              dataKey="onTimePartial"
              name={partName(strings.metrics.ON_TIME_RATE)}
              stroke={SERIES_COLORS.third}
              strokeWidth={2}
              dot={{ r: 3, fill: '#fff', strokeWidth: 2 }}
              legendType="none"
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      {partial && <p className="chart-note">○ {strings.trend.partial}</p>}
    </Panel>
  );
}
