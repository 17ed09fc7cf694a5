import { useQuery } from '@apollo/client/react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber, formatPerThousand } from '../../../../shared/format/number';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { metricText } from '../../components/metricText';
import { useStrings } from '../../i18n/LanguageProvider';
import { Downloads } from '../../components/Downloads';
import { ProvenanceMark } from '../../components/ProvenanceMark';
import { combineProvenance } from '../../../../shared/metrics/provenance';
import { localDay } from '../../../../shared/time/buckets';
import { bestWorst } from './bestWorst';
import { ComparePicker } from './ComparePicker';
import { COMPARE, COMPARE_METRICS, COMPARE_PLACES } from './operations';

interface Props {
  communityCodes: string[];
  gridCodes: string[];
  period: { from: string; to: string };
  onChange(communityCodes: string[], gridCodes: string[]): void;
}

/** 2–10 communities and grids side by side: raw and per 1,000 residents, best and worst of each row marked. */
export function CompareScreen({ communityCodes, gridCodes, period, onChange }: Props) {
  const { language, strings } = useStrings();
  const places = useQuery(COMPARE_PLACES).data?.communities ?? [];
  const picked = communityCodes.length + gridCodes.length;
  const ready = picked >= 2;
  const { data, loading, error } = useQuery(COMPARE, {
    variables: { communityCodes, gridCodes, metrics: [...COMPARE_METRICS], ...period },
    skip: !ready,
  });
  // A grid is named with its community: every community has a 第1网格.
  const columns = [
    ...communityCodes.map((code) => ({ code, name: places.find((c) => c.code === code)?.name ?? code, of: null })),
    ...gridCodes.map((code) => {
      const community = places.find((c) => c.grids.some((g) => g.code === code));
      return { code, name: community?.grids.find((g) => g.code === code)?.name ?? code, of: community?.name ?? null };
    }),
  ];
  const cell = (metric: Metric, code: string) => data?.compare.find((r) => r.metric === metric && r.code === code);
  const days = { from: localDay(new Date(period.from)), to: localDay(new Date(period.to)) };
  const mixed = communityCodes.length > 0 && gridCodes.length > 0;
  return (
    <main className="compare">
      <ComparePicker places={places} communityCodes={communityCodes} gridCodes={gridCodes} onChange={onChange} />
      {error && (
        <div className="banner" role="alert">
          {error.message}
        </div>
      )}
      {picked === 1 && (
        <p className="panel compare-prompt" data-testid="compare-prompt">
          {strings.compareOneMore}
        </p>
      )}
      {ready && (
        <section className="panel" aria-busy={loading}>
          <h2>
            {strings.compare}
            <span className="compare-downloads">
              {communityCodes.length > 0 && (
                <span>
                  {mixed && strings.kinds.COMMUNITY}
                  <Downloads
                    params={{
                      measures: [...COMPARE_METRICS],
                      dimensions: 'COMMUNITY',
                      communities: communityCodes,
                      ...days,
                    }}
                  />
                </span>
              )}
              {gridCodes.length > 0 && (
                <span>
                  {mixed && strings.kinds.GRID}
                  <Downloads
                    params={{ measures: [...COMPARE_METRICS], dimensions: 'GRID', grids: gridCodes, ...days }}
                  />
                </span>
              )}
            </span>
          </h2>
          {/* Ten columns are wider than a phone: the table scrolls, by keyboard too. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={strings.compare}>
            <table className="compare-table" data-testid="compare-table">
              <thead>
                <tr>
                  <th>{strings.metric}</th>
                  {columns.map((column) => (
                    <th key={column.code}>
                      {column.name}
                      {column.of && <small>{column.of}</small>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {COMPARE_METRICS.map((metric) => {
                  const perThousand = METRIC_DEFINITIONS[metric].perThousand;
                  const rows = columns.map((column) => cell(metric, column.code));
                  const marks = bestWorst(
                    metric,
                    rows.map((r) => (r ? (perThousand ? r.perThousand : r.raw) : null)),
                  );
                  // Best and worst on synthetic figures are marked as such: they rank nothing real.
                  const provenance = combineProvenance(
                    rows.flatMap((r) =>
                      r?.provenance
                        ? [
                            {
                              ...r.provenance,
                              qualifier: r.provenance.qualifier === 'AT_LEAST' ? 'AT_LEAST' : null,
                            } as const,
                          ]
                        : [],
                    ),
                  );
                  const synthetic = provenance?.restsOnGenerated ? '*' : '';
                  return (
                    <tr key={metric}>
                      <th>
                        {strings.metrics[metric]}
                        <ProvenanceMark provenance={provenance} />
                      </th>
                      {rows.map((r, i) => (
                        <td
                          key={columns[i].code}
                          data-testid={`compare-${metric}-${columns[i].code}`}
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
                          {marks.best === i && (
                            <span className="mark">
                              {' '}
                              ▲ {strings.best}
                              {synthetic}
                            </span>
                          )}
                          {marks.worst === i && (
                            <span className="mark">
                              {' '}
                              ▼ {strings.worst}
                              {synthetic}
                            </span>
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {data?.compare.some((r) => r.provenance?.restsOnGenerated) && (
            <p className="muted" data-testid="compare-synthetic">
              * {strings.restsOnGenerated}
            </p>
          )}
        </section>
      )}
      {ready && data && (
        <div className="multiples" data-testid="chart-compare">
          {COMPARE_METRICS.map((metric) => {
            const perThousand = METRIC_DEFINITIONS[metric].perThousand;
            const series = columns.map((column) => {
              const r = cell(metric, column.code);
              return {
                name: column.name,
                full: column.of ? `${column.of} · ${column.name}` : column.name,
                value: r && !r.tooFewCases ? (perThousand ? r.perThousand : r.raw) : null,
              };
            });
            return (
              <section className="panel small" key={metric} data-testid={`compare-chart-${metric}`}>
                <h3>
                  {strings.metrics[metric]}
                  {perThousand ? ` (${strings.perThousand})` : ''}
                </h3>
                <ResponsiveContainer width="100%" height={120}>
                  <BarChart data={series}>
                    <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
                    <YAxis hide />
                    <Tooltip
                      labelFormatter={(name, payload) => payload[0]?.payload.full ?? name}
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
    </main>
  );
}
