import type { FeatureCollection, Geometry } from 'geojson';

/** The import report: what `npm run import --json`, POST /api/imports and /admin/import all give. */
export type ImportKind = 'boundaries' | 'figures' | 'cases';
export const IMPORT_KINDS: readonly ImportKind[] = ['boundaries', 'figures', 'cases'];

export type PlaceChange = 'created' | 'updated' | 'unchanged';

export interface PreviewProperties {
  code: string;
  name: string;
  level: 'SUB_DISTRICT' | 'COMMUNITY' | 'GRID' | 'BUILDING' | 'CASE';
  change: PlaceChange;
}

export interface ImportProblem {
  /** Where a person finds the fault: "row 5", "feature 3 (410105-901-001-09)", "网格.dbf record 2". */
  location: string;
  field: string | null;
  message: string;
}

/** Every problem in the file is listed; a report with any problem means nothing was written. */
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  kind: ImportKind | null;
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
  notes: string[];
  problems: ImportProblem[];
  /** When asked for (the admin page's map): the file's places in WGS-84, each with what the import does to it. */
  preview?: FeatureCollection<Geometry, PreviewProperties>;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  done: number;
  total: number;
}
