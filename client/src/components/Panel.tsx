import type { ReactNode } from 'react';
import { useStrings } from '../i18n/LanguageProvider';
import { Downloads, type ExportParams } from './Downloads';
import { ProvenanceMark, type ProvenanceShown } from './ProvenanceMark';

interface Props {
  title: string;
  testId: string;
  loading: boolean;
  empty: boolean;
  children: ReactNode;
  /** What the panel shows, as the export's parameters: CSV and XLSX links beside the title. */
  downloads?: ExportParams;
  /** Where its figures come from: a mark beside the title. */
  provenance?: ProvenanceShown | null;
}

/** A titled card with the states people see: a skeleton while loading, a note when empty. */
export function Panel({ title, testId, loading, empty, children, downloads, provenance }: Props) {
  const { strings } = useStrings();
  return (
    <section className="panel" data-testid={testId} aria-busy={loading}>
      <h2>
        {title}
        <ProvenanceMark provenance={provenance} />
        {downloads && <Downloads params={downloads} />}
      </h2>
      {loading ? (
        <div className="skeleton">
          <span className="visually-hidden">{strings.loading}</span>
        </div>
      ) : empty ? (
        <p className="empty">{strings.empty}</p>
      ) : (
        children
      )}
    </section>
  );
}
