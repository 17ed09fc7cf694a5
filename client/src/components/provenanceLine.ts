import { PROVENANCE_KINDS, type ProvenanceKind } from '../../../shared/metrics/provenance';
import type { Strings } from '../i18n/catalogue';

type Shown = { kind: ProvenanceKind; restsOnGenerated: boolean } | null | undefined;

/**
 * Where the figures of a printed page come from, in one line: what each kind of source is,
 * and "includes synthetic figures" when any rests on generated data. Figures that are all
 * synthetic say so in the words of that kind alone.
 */
export function provenanceLine(provenances: readonly Shown[], strings: Strings): string | null {
  const known = provenances.filter((p) => !!p);
  const kinds = PROVENANCE_KINDS.filter((kind) => known.some((p) => p.kind === kind));
  if (kinds.length === 0) return null;
  if (kinds.length === 1 && kinds[0] === 'GENERATED')
    return strings.report.sources + strings.provenanceMeaning.GENERATED;
  const parts = kinds.filter((kind) => kind !== 'GENERATED').map((kind) => strings.provenanceMeaning[kind]);
  if (known.some((p) => p.restsOnGenerated)) parts.push(strings.restsOnGenerated);
  return strings.report.sources + parts.join(strings.report.separator);
}
