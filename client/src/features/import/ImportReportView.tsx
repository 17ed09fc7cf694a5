import type { ReactNode } from 'react';
import { useStrings } from '../../i18n/LanguageProvider';
import type { ImportReport } from './upload';

const COUNTS = ['created', 'updated', 'unchanged', 'retired'] as const;

/** What a check found or an import did: counts, the verdict (with `action` beside it), notes and every problem. */
export function ImportReportView({ report, action }: { report: ImportReport; action?: ReactNode }) {
  const { strings } = useStrings();
  const refused = report.problems.length > 0;
  const verdict = refused
    ? strings.import.refused.replace('{count}', String(report.problems.length))
    : !report.dryRun
      ? strings.import.imported
      : report.created + report.updated + report.retired > 0
        ? strings.import.clean
        : strings.import.nothingToImport;
  return (
    <>
      <dl className="import-counts" data-testid="import-counts">
        {COUNTS.filter((count) => count !== 'retired' || report.retired > 0).map((count) => (
          <div key={count} className={`count-${count}`} data-testid={`count-${count}`} data-value={report[count]}>
            <dt>{strings.import[count]}</dt>
            <dd>{report[count]}</dd>
          </div>
        ))}
      </dl>
      <div className={refused ? 'import-verdict refused' : 'import-verdict'}>
        <p role={refused ? 'alert' : 'status'} data-testid={refused ? 'import-refused' : 'import-verdict'}>
          {verdict}
        </p>
        {action}
      </div>
      {report.notes.length > 0 && (
        <div className="import-notes" data-testid="import-notes">
          <h3>{strings.import.notes}</h3>
          <ul>
            {report.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {refused && (
        <table className="import-problems" data-testid="import-problems">
          <thead>
            <tr>
              <th>{strings.import.location}</th>
              <th>{strings.import.field}</th>
              <th>{strings.import.problem}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((problem, i) => (
              <tr key={i} data-testid="import-problem">
                <td>{problem.location}</td>
                <td>{problem.field ?? ''}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
