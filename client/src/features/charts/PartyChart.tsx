import type { ExportParams } from '../../components/Downloads';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../../shared/format/number';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import { useStrings } from '../../i18n/LanguageProvider';
import { placeAxis, SERIES_COLORS } from './axis';
import { ChartNote } from './ChartNote';
import { largestFirst } from './mostShown';
import type { ChartRow } from './rows';

/** Party members per 1,000 residents: comparable across communities of different size; the highest of many. */
export function PartyChart({
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
  const data = rows
    .filter((r) => r.party.perThousand !== null)
    .map((r) => ({ name: r.name, perThousand: Math.round(r.party.perThousand! * 10) / 10, members: r.party.value }));
  const shown = largestFirst(data, (d) => d.perThousand);
  return (
    <Panel
      downloads={downloads}
      provenance={provenance}
      title={strings.charts.partyPerThousand}
      testId="chart-party"
      loading={loading}
      empty={shown.length === 0}
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={shown} margin={{ top: 18 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis {...placeAxis(shown.length)} />
          <YAxis width={40} />
          <Tooltip
            formatter={(v, _n, item) => [
              `${v} ‰ (${formatNumber((item.payload as { members: number }).members, 'people', language)})`,
              strings.metrics.PARTY_MEMBERS,
            ]}
          />
          <Bar dataKey="perThousand" fill={SERIES_COLORS.first} isAnimationActive={false}>
            {shown.length <= 8 && <LabelList dataKey="perThousand" position="top" fontSize={11} />}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <ChartNote shown={shown.length} total={data.length} />
    </Panel>
  );
}
