import { useQuery } from '@apollo/client/react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, formatPerThousand } from '../../../../shared/format/number';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { metricText } from '../../components/metricText';
import { useStrings } from '../../i18n/LanguageProvider';
import { Downloads } from '../../components/Downloads';
import { localDay } from '../../../../shared/time/buckets';
import { bestWorst } from './bestWorst';
import { COMMUNITY_NAMES, COMPARE, COMPARE_METRICS } from './operations';

interface Props {
  codes: string[];
  period: { from: string; to: string };
  onChange(codes: string[]): void;
}

const MAX_COMPARED = 5;

/** 2–5 communities side by side: raw and per 1,000 residents, best and worst of each row marked. */
export function CompareScreen({ codes, period, onChange }: Props) {
  const { language, strings } = useStrings();
  const names = useQuery(COMMUNITY_NAMES);
  const ready = codes.length >= 2;
  const { data, loading, error } = useQuery(COMPARE, {
    variables: { codes, metrics: [...COMPARE_METRICS], ...period },
    skip: !ready,
  });
  const toggle = (code: string) =>
    onChange(codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code].slice(0, MAX_COMPARED));
  const cell = (metric: Metric, code: string) =>
    data?.compare.find((r) => r.metric === metric && r.communityCode === code);
  return (
    <div className="compare">
      <section className="panel picker">
        <h2>{strings.compareHint}</h2>
        {names.data?.communities.map((c) => (
          <label key={c.code}>
            <input
              type="checkbox"
              checked={codes.includes(c.code)}
              disabled={!codes.includes(c.code) && codes.length >= MAX_COMPARED}
              onChange={() => toggle(c.code)}
              data-testid={`pick-${c.code}`}
            />
            {c.name}
          </label>
        ))}
      </section>
      {error && (
        <div className="banner" role="alert">
          {error.message}
        </div>
      )}
      {ready && (
        <section className="panel" aria-busy={loading}>
          <h2>
            {strings.compare}
            <Downloads
              params={{
                measures: [...COMPARE_METRICS],
                dimensions: 'COMMUNITY',
                communities: codes,
                from: localDay(new Date(period.from)),
                to: localDay(new Date(period.to)),
              }}
            />
          </h2>
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>{strings.metric}</th>
                {codes.map((code) => (
                  <th key={code}>{names.data?.communities.find((c) => c.code === code)?.name ?? code}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {COMPARE_METRICS.map((metric) => {
                const perThousand = METRIC_DEFINITIONS[metric].perThousand;
                const rows = codes.map((code) => cell(metric, code));
                const marks = bestWorst(
                  metric,
                  rows.map((r) => (r ? (perThousand ? r.perThousand : r.raw) : null)),
                );
                return (
                  <tr key={metric}>
                    <th>{strings.metrics[metric]}</th>
                    {rows.map((r, i) => (
                      <td
                        key={codes[i]}
                        data-testid={`compare-${metric}-${codes[i]}`}
                        data-value={r?.raw ?? ''}
                        className={marks.best === i ? 'best' : marks.worst === i ? 'worst' : ''}
                      >
                        {r ? metricText(metric, r.raw, r.tooFewCases, language, strings) : '…'}
                        {r && perThousand && r.perThousand !== null && (
                          <small>
                            {' '}
                            · {formatPerThousand(r.perThousand, language)} {strings.perThousand}
                          </small>
                        )}
                        {marks.best === i && <span className="mark"> ▲ {strings.best}</span>}
                        {marks.worst === i && <span className="mark"> ▼ {strings.worst}</span>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {ready && data && (
        <div className="multiples" data-testid="chart-compare">
          {COMPARE_METRICS.map((metric) => {
            const perThousand = METRIC_DEFINITIONS[metric].perThousand;
            const series = codes.map((code) => {
              const r = cell(metric, code);
              return {
                name: r?.communityName ?? code,
                value: r && !r.tooFewCases ? (perThousand ? r.perThousand : r.raw) : null,
              };
            });
            return (
              <section className="panel small" key={metric}>
                <h3>
                  {strings.metrics[metric]}
                  {perThousand ? ` (${strings.perThousand})` : ''}
                </h3>
                <ResponsiveContainer width="100%" height={120}>
                  <BarChart data={series}>
                    <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
                    <YAxis hide />
                    <Tooltip
                      formatter={(v) =>
                        perThousand
                          ? formatPerThousand(Number(v), language)
                          : formatNumber(Number(v), METRIC_DEFINITIONS[metric].unit, language)
                      }
                    />
                    <Bar dataKey="value" fill="#3b528b" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
