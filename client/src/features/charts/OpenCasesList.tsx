import { timeZone } from '../../../../shared/time/buckets';
import { useQuery } from '@apollo/client/react';
import { Panel } from '../../components/Panel';
import type { Strings } from '../../i18n/catalogue';
import { useStrings } from '../../i18n/LanguageProvider';
import { OPEN_CASES } from '../../components/map/operations';

/** The grid's open cases, overdue first: what the grid worker must close next. */
export function OpenCasesList({ gridCode }: { gridCode: string }) {
  const { language, strings } = useStrings();
  const downloads = { table: 'cases', grid: gridCode, open: true };
  const { data, loading } = useQuery(OPEN_CASES, { variables: { gridCode } });
  const cases = (data?.cases.edges.map((e) => e.node) ?? []).sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline),
  );
  return (
    <Panel
      downloads={downloads}
      title={`${strings.openCases} (${data?.cases.totalCount ?? '…'})`}
      testId="open-cases"
      loading={loading}
      empty={false}
    >
      {cases.length === 0 ? (
        <p className="empty">{strings.noOpenCases}</p>
      ) : (
        <ul className="case-list">
          {cases.map((c) => (
            <li key={c.code} className={c.overdue ? 'overdue' : ''}>
              <strong>{strings.categories[c.category as keyof Strings['categories']]}</strong> ·{' '}
              {strings.statuses[c.status as keyof Strings['statuses']]}
              {c.overdue && <span className="badge">{strings.overdue}</span>}
              {/* Only signed-in roles of the case's area read what it says. */}
              {c.description && <div>{c.description}</div>}
              <small>
                {strings.deadline}{' '}
                {new Date(c.deadline).toLocaleString(language, {
                  dateStyle: 'short',
                  timeStyle: 'short',
                  timeZone: timeZone(),
                })}
              </small>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
