import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { Panel } from '../../components/Panel';
import type { Strings } from '../../i18n/catalogue';
import { useStrings } from '../../i18n/LanguageProvider';
import { daysOverdueText } from './daysOverdueText';
import { OVERDUE_CASES } from './operations';
import { recordsProvenance } from '../../../../shared/metrics/provenance';

interface Props {
  communityCode: string | null;
  gridCode: string | null;
  onOpen(caseCode: string): void;
  /** Every page, one after the other: paper has no "more" button (the monthly report). */
  all?: boolean;
}

/**
 * 超期事件: who must act on what, the most days overdue first, a page at a time. The grid
 * worker is named only to those who may see personal data (Grid.worker is null otherwise).
 */
export function OverdueList({ communityCode, gridCode, onOpen, all = false }: Props) {
  const { strings } = useStrings();
  const { data, loading, fetchMore } = useQuery(OVERDUE_CASES, { variables: { communityCode, gridCode } });
  const connection = data?.cases;
  const cases = connection?.edges.map((e) => e.node) ?? [];
  const more = () =>
    fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (shown, { fetchMoreResult }) => ({
        cases: { ...fetchMoreResult.cases, edges: [...shown.cases.edges, ...fetchMoreResult.cases.edges] },
      }),
    });
  const asked = useRef<string | null>(null);
  useEffect(function loadEveryPage() {
    const cursor = connection?.pageInfo.endCursor ?? null;
    // Each page once: the effect runs again before the page it asked for has come.
    if (!all || !connection?.pageInfo.hasNextPage || asked.current === cursor) return;
    asked.current = cursor;
    void more();
  });
  return (
    // Across the whole width under the map: a table one can read a row of at a glance.
    <div className="overdue-list">
      <Panel
        title={`${strings.cases.overdueTitle} (${connection?.totalCount ?? '…'})`}
        testId="overdue-list"
        loading={loading && !connection}
        empty={false}
        provenance={cases.length > 0 ? recordsProvenance(cases.length, cases.filter((c) => c.generated).length) : null}
      >
        <p className="muted overdue-hint">{strings.cases.overdueHint}</p>
        {cases.length === 0 ? (
          <p className="empty">{strings.cases.noneOverdue}</p>
        ) : (
          <div className="overdue-scroll">
            <table className="overdue-table">
              <thead>
                <tr>
                  <th>{strings.cases.category}</th>
                  <th>{strings.cases.grid}</th>
                  <th>{strings.auth.gridWorker}</th>
                  <th>{strings.cases.source}</th>
                  <th className="number">{strings.cases.daysOverdue}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.code} data-testid="overdue-row" data-code={c.code}>
                    <td>
                      <a
                        href={`/cases/${encodeURIComponent(c.code)}`}
                        title={c.code}
                        onClick={(e) => {
                          e.preventDefault();
                          onOpen(c.code);
                        }}
                      >
                        {strings.categories[c.category as keyof Strings['categories']]}
                      </a>
                    </td>
                    <td>{communityCode ? c.grid.name : `${c.community.name} ${c.grid.name}`}</td>
                    <td>{c.grid.worker?.name ?? '—'}</td>
                    <td>{strings.cases.sources[c.source as keyof Strings['cases']['sources']]}</td>
                    <td className="number">{c.daysOverdue === null ? '' : daysOverdueText(c.daysOverdue, strings)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cases.some((c) => c.grid.worker === null) && <p className="muted">{strings.auth.gridWorkerHidden}</p>}
        {connection?.pageInfo.hasNextPage && (
          <button
            type="button"
            className="link-button more"
            data-testid="overdue-more"
            disabled={loading}
            onClick={() => void more()}
          >
            {strings.cases.more}
          </button>
        )}
      </Panel>
    </div>
  );
}
