import { localDay } from '../../../shared/time/buckets';
import { graphql } from '../gql';
import type { PrintHeading_ValuesFragment } from '../gql/graphql';
import { useStrings } from '../i18n/LanguageProvider';
import { provenanceLine } from './provenanceLine';

export const PrintHeading_values = graphql(`
  fragment PrintHeading_values on MetricValue {
    provenance {
      kind
      restsOnGenerated
    }
  }
`);

interface Props {
  title: string;
  /** The community or grid, or all communities. */
  scope: string;
  period: string;
  /** The figures on the page, for the line that says where they come from. */
  values: readonly PrintHeading_ValuesFragment[] | null;
  /** The dashboard's shows on paper only; the report's on screen too. */
  printOnly?: boolean;
}

/** What a sheet of paper says about itself: what it shows, where and when, the day it was printed, its sources. */
export function PrintHeading({ title, scope, period, values, printOnly = false }: Props) {
  const { strings } = useStrings();
  const sources =
    values &&
    provenanceLine(
      values.map((v) => v.provenance),
      strings,
    );
  return (
    <header className={printOnly ? 'print-heading print-only' : 'print-heading'} data-testid="print-heading">
      <h1>{title}</h1>
      <p>
        {scope} · {period} · {strings.report.printed} {localDay(new Date())}
      </p>
      {sources && (
        <p className="provenance-line" data-testid="provenance-line">
          {sources}
        </p>
      )}
    </header>
  );
}
