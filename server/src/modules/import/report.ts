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
