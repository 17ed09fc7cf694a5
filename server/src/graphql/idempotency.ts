import type { Context } from '../context';
import type { Transaction } from '../db/client';

/** What a mutation records inside its own transaction so that a retry finds it. */
export type Remember = (tx: Transaction, resultId: string) => Promise<void>;

const isDuplicateKey = (error: unknown) => (error as { code?: string }).code === 'P2002';

/**
 * Run a mutation once per Idempotency-Key: a retry with the key (a wall or phone that
 * lost the answer) gets the first result instead of a second case. The key is stored in
 * the mutation's own transaction, so two attempts at once leave one row: the second
 * fails on the key's uniqueness, rolls back, and returns what the first made.
 */
export async function once<T>(
  ctx: Context,
  operation: string,
  find: (resultId: string) => Promise<T>,
  run: (remember: Remember) => Promise<T>,
): Promise<T> {
  const key = ctx.idempotencyKey;
  if (!key) return run(async () => undefined);
  const actor = `${ctx.viewer.role}:${ctx.viewer.name ?? ''}`;
  const earlier = () => ctx.db.idempotentRequest.findUnique({ where: { actor_key: { actor, key } } });
  const done = await earlier();
  if (done) return find(done.resultId);
  try {
    return await run((tx, resultId) =>
      tx.idempotentRequest.create({ data: { actor, key, operation, resultId } }).then(() => undefined),
    );
  } catch (error) {
    const winner = isDuplicateKey(error) ? await earlier() : null;
    if (!winner) throw error;
    return find(winner.resultId);
  }
}
