/**
 * Where a figure comes from. STATED: an article or official figure (its source and date;
 * "at least" for 4000余). IMPORTED: a file an administrator loaded. GENERATED: made up by the
 * seed for the demonstration. COMPUTED: counted from case records or volunteer logs.
 */
export const PROVENANCE_KINDS = ['STATED', 'IMPORTED', 'GENERATED', 'COMPUTED'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

export interface Provenance {
  kind: ProvenanceKind;
  /** The article or file; null for records. */
  source: string | null;
  /** The day the stated or imported figure held, YYYY-MM-DD, when known. */
  asOf: string | null;
  /** AT_LEAST when the source says "more than" (4000余). */
  qualifier: 'AT_LEAST' | null;
  /** Whether any figure or record under it is generated: comparisons and rankings on it say so. */
  restsOnGenerated: boolean;
}

/** From least to most trusted: a figure made of several takes the least trusted kind among them. */
const TRUST: readonly ProvenanceKind[] = ['GENERATED', 'IMPORTED', 'COMPUTED', 'STATED'];

/**
 * A stated figure's source as the seed writes it, "file (publisher, 2018-08-09)": the date
 * when the source gives a whole one.
 */
export function statedAsOf(source: string): string | null {
  return /\b(\d{4}-\d{2}-\d{2})\)\s*$/.exec(source)?.[1] ?? null;
}

/** What a sum of figures rests on: the least trusted kind, every source, the oldest date. */
export function combineProvenance(parts: readonly Provenance[]): Provenance | null {
  if (parts.length === 0) return null;
  const kind = TRUST.find((k) => parts.some((p) => p.kind === k))!;
  const sources = [...new Set(parts.filter((p) => p.kind === kind && p.source).map((p) => p.source!))];
  const dates = parts.map((p) => p.asOf).filter((d): d is string => d !== null);
  return {
    kind,
    source: sources.length === 0 ? null : sources.length <= 3 ? sources.join('; ') : `${sources.length} sources`,
    asOf: dates.length ? dates.sort()[0] : null,
    qualifier: parts.some((p) => p.qualifier === 'AT_LEAST') ? 'AT_LEAST' : null,
    restsOnGenerated: parts.some((p) => p.restsOnGenerated || p.kind === 'GENERATED'),
  };
}

/** Figures counted from records: GENERATED when every record is, COMPUTED (saying so) when some are. */
export function recordsProvenance(records: number, generated: number): Provenance {
  return {
    kind: records > 0 && generated === records ? 'GENERATED' : 'COMPUTED',
    source: null,
    asOf: null,
    qualifier: null,
    restsOnGenerated: generated > 0,
  };
}
