import type { ProvenanceKind } from '../../../shared/metrics/provenance';
import { useStrings } from '../i18n/LanguageProvider';

export interface ProvenanceShown {
  kind: ProvenanceKind;
  source?: string | null;
  asOf?: string | null;
  restsOnGenerated: boolean;
}

/**
 * Where a figure comes from, as a small mark (公布 / 导入 / 模拟 / 统计) that opens, on a tap,
 * a click or Enter, what the mark means with the article or file and its date. A figure
 * made partly of synthetic ones says so.
 */
export function ProvenanceMark({ provenance }: { provenance: ProvenanceShown | null | undefined }) {
  const { strings } = useStrings();
  if (!provenance) return null;
  const { kind, source, asOf, restsOnGenerated } = provenance;
  const partlyGenerated = restsOnGenerated && kind !== 'GENERATED';
  return (
    <details className={`provenance provenance-${kind.toLowerCase()}`} data-provenance={kind}>
      <summary title={strings.provenanceMeaning[kind]}>
        {strings.provenance[kind]}
        {partlyGenerated && '*'}
      </summary>
      <div className="provenance-detail" role="note">
        <p>{strings.provenanceMeaning[kind]}</p>
        {source && <p>{source}</p>}
        {asOf && (
          <p>
            {strings.trend.asOf} {asOf}
          </p>
        )}
        {partlyGenerated && <p>* {strings.restsOnGenerated}</p>}
      </div>
    </details>
  );
}
