import type { FeatureCollection, Geometry } from 'geojson';

/** What an import found and did. Every problem in the file is listed; a file with any problem changes nothing. */
export interface ImportProblem {
  /** Where a person finds the fault: "row 5", "feature 3 (410105-901-001-09)", "网格.dbf record 2". */
  location: string;
  field: string | null;
  message: string;
}

export type ImportKind = 'boundaries' | 'figures' | 'cases';
export const IMPORT_KINDS: readonly ImportKind[] = ['boundaries', 'figures', 'cases'];

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

export interface PreviewProperties {
  code: string;
  name: string;
  level: string;
  change: 'created' | 'updated' | 'unchanged';
}

/** Collects the problems and notes of one import. */
export class Findings {
  readonly problems: ImportProblem[] = [];
  readonly notes: string[] = [];

  problem(location: string, field: string | null, message: string): void {
    this.problems.push({ location, field, message });
  }

  note(message: string): void {
    this.notes.push(message);
  }
}
