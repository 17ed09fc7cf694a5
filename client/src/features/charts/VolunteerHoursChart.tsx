import type { ExportParams } from '../../components/Downloads';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Panel } from '../../components/Panel';
import type { ChartSeries_ScopeFragment } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';
import { axisFormat, monthLabel, SERIES_COLORS } from './axis';

export function VolunteerHoursChart({
  points,
  loading,
  downloads,
}: {
  points: ChartSeries_ScopeFragment['hours'];
  loading: boolean;
  downloads: ExportParams;
}) {
  const { language, strings } = useStrings();
  const format = axisFormat('hours', language);
  const data = points.map((p) => ({ month: monthLabel(p.start, language), hours: p.value ?? 0 }));
  return (
    <Panel
      downloads={downloads}
      title={strings.charts.volunteerHours}
      testId="chart-volunteer-hours"
      loading={loading}
      empty={data.every((d) => d.hours === 0)}
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
        </AreaChart>
      </ResponsiveContainer>
    </Panel>
  );
}
