import type { ImportProblem } from '../../../../shared/import/report';

export {
  IMPORT_KINDS,
  type ImportKind,
  type ImportProblem,
  type ImportProgress,
  type ImportReport,
  type PreviewProperties,
} from '../../../../shared/import/report';

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
