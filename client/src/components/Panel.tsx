import type { ReactNode } from 'react';
import { useStrings } from '../i18n/LanguageProvider';
import { Downloads, type ExportParams } from './Downloads';

interface Props {
  title: string;
  testId: string;
  loading: boolean;
  empty: boolean;
  children: ReactNode;
  /** What the panel shows, as the export's parameters: CSV and XLSX links beside the title. */
  downloads?: ExportParams;
}

/** A titled card with the states people see: a skeleton while loading, a note when empty. */
export function Panel({ title, testId, loading, empty, children, downloads }: Props) {
  const { strings } = useStrings();
  return (
    <section className="panel" data-testid={testId} aria-busy={loading}>
      <h2>
        {title}
        {downloads && <Downloads params={downloads} />}
      </h2>
      {loading ? (
        <div className="skeleton" aria-label={strings.loading} />
      ) : empty ? (
        <p className="empty">{strings.empty}</p>
      ) : (
        children
      )}
    </section>
  );
}
