import type { ExportParams } from '../../components/Downloads';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import type { ChartSeries_ScopeFragment } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';
import { axisFormat, monthLabels, SERIES_COLORS, withPartialMonth } from './axis';

export function VolunteerHoursChart({
  points,
  loading,
  partial,
  downloads,
  provenance,
}: {
  points: ChartSeries_ScopeFragment['hours'];
  loading: boolean;
  /** The last month is not over: drawn dashed, not as a drop. */
  partial: boolean;
  downloads: ExportParams;
  provenance: ProvenanceShown | null | undefined;
}) {
  const { language, strings } = useStrings();
  const format = axisFormat('hours', language);
  const months = monthLabels(
    points.map((p) => p.start),
    language,
  );
  const data = withPartialMonth(
    points.map((p, i) => ({ month: months[i], hours: p.value ?? 0 })),
    ['hours'],
    partial,
  );
  return (
    <Panel
      downloads={downloads}
      provenance={provenance}
      title={strings.charts.volunteerHours}
      testId="chart-volunteer-hours"
      loading={loading}
      empty={points.every((p) => !p.value)}
    >
      <ResponsiveContainer width="100%" height={200}>
        <AreaChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={format} width={48} />
          <Tooltip formatter={format} />
          <Area
            dataKey="hours"
            name={strings.metrics.VOLUNTEER_HOURS}
            stroke={SERIES_COLORS.second}
            fill={SERIES_COLORS.second}
            fillOpacity={0.3}
            isAnimationActive={false}
          />
          {partial && (
            <Area
              dataKey="hoursPartial"
              name={`${strings.metrics.VOLUNTEER_HOURS}（${strings.trend.partial}）`}
              stroke={SERIES_COLORS.second}
              fill="none"
              dot={{ r: 4, fill: '#fff', strokeWidth: 2 }}
              isAnimationActive={false}
            />
          )}
        </AreaChart>
      </ResponsiveContainer>
      {partial && <p className="chart-note">○ {strings.trend.partial}</p>}
    </Panel>
  );
}
