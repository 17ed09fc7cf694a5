import type { LiveChange, LiveEvents } from './live-events';

/**
 * The changes a subscriber accepts, as an async iterator for GraphQL subscriptions.
 * Ending the iteration (the client unsubscribes or disconnects) removes the listener,
 * so walls that come and go for weeks leave nothing behind.
 */
export function liveChanges(
  live: LiveEvents,
  accept: (change: LiveChange) => boolean,
): AsyncIterableIterator<LiveChange> {
  const queue: LiveChange[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const unsubscribe = live.subscribe((change) => {
    if (!accept(change)) return;
    queue.push(change);
    wake?.();
  });
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (queue.length === 0 && !done)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      wake = null;
      return done ? { value: undefined, done: true } : { value: queue.shift()!, done: false };
    },
    async return() {
      done = true;
      unsubscribe();
      wake?.();
      return { value: undefined, done: true };
    },
  };
}

/** Whether a change falls in a wall's scope: `all`, a sub-district code or a community code. */
export function inScope(scope: string, change: LiveChange): boolean {
  return scope === 'all' || scope === change.communityCode || scope === change.subDistrictCode;
}
