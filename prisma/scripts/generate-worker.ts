import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseKind } from '../../server/src/db/client';
import { encodeRows, mergeEncoded, type EncodedRows } from '../../server/src/db/bulk-insert';
import { IdSequence, type TableName } from '../seed/dataset';
import { generateCommunities, type GenerationPlan } from '../seed/generated-communities';
import { datasetRows } from '../seed/write';

/** What the generator's worker is asked to make. */
export interface GeneratorJob {
  plan: GenerationPlan;
  kind: DatabaseKind;
  /** Sub-districts already written; the worker makes the rest. */
  from: number;
  total: number;
  /** Sub-districts per chunk: one transaction of the writer. */
  chunk: number;
  /** The largest id of each table in the database. */
  ids: Record<TableName, number>;
}

/** One chunk, ready for the writer. */
export interface GeneratedChunk {
  /** Sub-districts written once this chunk is. */
  done: number;
  rows: number;
  encoded: EncodedRows[];
}

/** Chunks made ahead of the writer: enough to keep it busy, few enough to bound memory. */
const AHEAD = 2;

/**
 * Makes and encodes the data set on its own thread while the main thread's writer sends
 * the chunk before: generating and writing each take a core. A message from the writer
 * asks for one more chunk.
 */
const job = workerData as GeneratorJob;
const ids = new IdSequence(job.ids);
let credits = AHEAD;
let next = job.from;

function produce() {
  for (; credits > 0 && next < job.total; credits--) {
    const done = Math.min(job.total, next + job.chunk);
    // Encoded a community at a time: the rows die young, and only their text waits for the writer.
    const encoded: EncodedRows[] = [];
    let rows = 0;
    for (const community of generateCommunities(job.plan, next, done, ids))
      for (const [table, tableRows] of datasetRows(community)) {
        encoded.push(...encodeRows(job.kind, table, tableRows));
        rows += tableRows.length;
      }
    parentPort!.postMessage({ done, rows, encoded: mergeEncoded(encoded) } satisfies GeneratedChunk);
    next = done;
  }
}

parentPort!.on('message', () => {
  credits++;
  produce();
});
produce();
