import type { FeatureCollection, Geometry } from 'geojson';
import type { ImportKind, ImportProgress, ImportReport, PreviewProperties } from '../../../../shared/import/report';

export type {
  ImportKind,
  ImportProblem,
  ImportProgress,
  ImportReport,
  PlaceChange,
  PreviewProperties,
} from '../../../../shared/import/report';
export type PreviewCollection = FeatureCollection<Geometry, PreviewProperties>;

/** The form's options, as the server's field names; an empty one is left to the server. */
export interface ImportOptions {
  kind: '' | ImportKind;
  crs: string;
  encoding: '' | 'utf8' | 'gbk';
  sheet: string;
  asOf: string;
  map: string;
}

export type FailureReason =
  'unauthenticated' | 'forbidden' | 'tooLarge' | 'badRequest' | 'network' | 'server' | 'interrupted';

/** An import that got no report: why, and what the server or the browser said. */
export class ImportFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'ImportFailure';
  }
}

/** A check sends dryRun and asks for the map preview; the import itself sends the same files and options without. */
export function importForm(files: File[], options: ImportOptions, check: boolean): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(options)) if (value.trim()) form.append(name, value.trim());
  if (check) {
    form.append('dryRun', 'true');
    form.append('preview', 'true');
  }
  for (const file of files) form.append('file', file, file.name);
  return form;
}

/**
 * The values of an NDJSON body, one per line, as they arrive: a line split across chunks
 * (or a character split across them) is joined first, and the last line needs no newline.
 */
export async function* ndjsonValues(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += decoder.decode(value, { stream: !done });
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.trim()) yield JSON.parse(line);
      if (done) break;
    }
    if (pending.trim()) yield JSON.parse(pending);
  } finally {
    reader.releaseLock();
  }
}

const REASON_BY_STATUS: Record<number, FailureReason> = {
  400: 'badRequest',
  401: 'unauthenticated',
  403: 'forbidden',
  413: 'tooLarge',
};

async function failureOf(response: Response): Promise<ImportFailure> {
  const body = await response.json().catch(() => null);
  const detail = typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`;
  return new ImportFailure(REASON_BY_STATUS[response.status] ?? 'server', detail);
}

/**
 * Send the files to POST /api/imports and read the answer as NDJSON, so that `onProgress`
 * hears each phase while a large file is read, checked and written; resolves with the report.
 */
export async function sendImport(
  files: File[],
  options: ImportOptions,
  check: boolean,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  let response: Response;
  try {
    response = await fetch('/api/imports', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/x-ndjson' },
      body: importForm(files, options, check),
    });
  } catch (error) {
    throw new ImportFailure('network', (error as Error).message);
  }
  if (!response.ok) throw await failureOf(response);
  if (!response.body) throw new ImportFailure('interrupted', 'The answer has no body');
  let failed: string | null = null;
  try {
    for await (const value of ndjsonValues(response.body)) {
      const line = value as { progress?: ImportProgress; report?: ImportReport; error?: { message: string } };
      if (line.progress) onProgress(line.progress);
      if (line.report) return line.report;
      // The server failed after the answer began; it says so in a last line, and nothing was written.
      if (line.error) failed = line.error.message;
    }
  } catch (error) {
    throw new ImportFailure('interrupted', (error as Error).message);
  }
  if (failed) throw new ImportFailure('server', failed);
  throw new ImportFailure('interrupted', 'The answer ended without a report');
}
