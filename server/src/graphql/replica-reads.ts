import type { ApolloServerPlugin } from '@apollo/server';
import { readFrom, type Context } from '../context';
import type { ReadRouting } from '../db/replica';

/**
 * A query reads from the replica (or from the primary while the replica lacks the caller's
 * last write); a mutation stays on the primary, and its caller is answered once the write is
 * remembered. Decided once the operation is known, before anything is read.
 */
export function replicaReads(reads: ReadRouting): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let committed: (() => Promise<void>) | null = null;
      return {
        async didResolveOperation({ contextValue: ctx, operation }) {
          if (operation?.operation === 'query') readFrom(ctx, reads.readerFor(ctx.caller));
          else if (operation?.operation === 'mutation' && ctx.caller) committed = reads.writing(ctx.caller);
        },
        async willSendResponse() {
          await committed?.();
        },
      };
    },
  };
}
