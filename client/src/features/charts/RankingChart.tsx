import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, type Language } from '../../../../shared/format/number';
import { PALETTE } from '../../../../shared/geo/classify';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';

export interface RankedItem { name: string; value: number | null }

/** Communities or grids ranked by the selected metric. */
export function RankingChart({ title, items, metric, language }: { title: string; items: RankedItem[]; metric: Metric; language: Language }) {
  const unit = METRIC_DEFINITIONS[metric].unit;
  const ranked = items.filter((i) => i.value !== null).sort((a, b) => b.value! - a.value!);
  return (
    <section className="panel" data-testid="chart-ranking">
      <h2>{title}</h2>
      <ResponsiveContainer width="100%" height={Math.max(160, ranked.length * 28 + 40)}>
        <BarChart data={ranked} layout="vertical" margin={{ left: 16, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => formatNumber(v, unit, language)} />
          <YAxis type="category" dataKey="name" width={96} />
          <Tooltip formatter={(v) => formatNumber(Number(v), unit, language)} />
          <Bar dataKey="value" fill={PALETTE[3]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </section>
  );
}
