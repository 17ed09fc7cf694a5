import { useQuery } from '@apollo/client/react';
import { metricText } from '../../components/metricText';
import { Panel } from '../../components/Panel';
import type { ProvenanceShown } from '../../components/ProvenanceMark';
import { graphql } from '../../gql';
import { useStrings } from '../../i18n/LanguageProvider';
import { LEAGUE_TABLE } from './operations';

export const LeagueTable_row = graphql(`
  fragment LeagueTable_row on RankingRow {
    code
    name
    rank
    value
    tooFewCases
    grade
  }
`);

/** Ranked by the first, as the city's assessment ranks: the graded rates, then the cases behind them. */
const COLUMNS = [
  ['onTime', 'ON_TIME_RATE'],
  ['closure', 'CLOSURE_RATE'],
  ['satisfaction', 'SATISFACTION'],
  ['reported', 'CASES_REPORTED'],
  ['overdue', 'OVERDUE_OPEN'],
] as const;

interface Props {
  /** Its grids; every community when null. */
  communityCode: string | null;
  period: { from: string; to: string };
  provenance: ProvenanceShown | null | undefined;
}

/** The month's league table with the grades (优 良 中 差) of the assessment bands. */
export function LeagueTable({ communityCode, period, provenance }: Props) {
  const { language, strings } = useStrings();
  const level = communityCode ? 'GRID' : 'COMMUNITY';
  const { data, loading, error } = useQuery(LEAGUE_TABLE, { variables: { level, communityCode, ...period } });
  const rows = data?.onTime ?? [];
  return (
    <Panel
      title={`${strings.report.league} · ${strings.kinds[level]}`}
      testId="league-table"
      loading={loading}
      empty={!error && rows.length === 0}
      provenance={provenance}
    >
      {error ? (
        <p className="empty" role="alert">
          {strings.error}
        </p>
      ) : (
        <table className="league-table">
          <thead>
            <tr>
              <th>{strings.ranking}</th>
              <th>{strings.kinds[level]}</th>
              {COLUMNS.map(([, metric]) => (
                <th key={metric}>{strings.metrics[metric]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} data-testid="league-row">
                <td>{row.rank ?? '—'}</td>
                <th scope="row">{row.name}</th>
                {COLUMNS.map(([key, metric]) => {
                  const cell = data?.[key].find((r) => r.code === row.code);
                  return (
                    <td key={key}>
                      {cell ? metricText(metric, cell.value, cell.tooFewCases, language, strings) : '—'}
                      {cell?.grade && (
                        <span className="grade" data-grade={cell.grade}>
                          {cell.grade}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
