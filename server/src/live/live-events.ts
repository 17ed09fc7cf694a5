import { EventEmitter } from 'node:events';

/** A change that walls and dashboards showing this scope should refresh for. */
export interface LiveChange {
  kind: 'CASE_REPORTED' | 'CASE_TRANSITIONED' | 'VOLUNTEER_HOURS_LOGGED';
  communityCode: string;
  subDistrictCode: string;
  gridCode: string;
  at: Date;
}

/** Published only after the transaction that made the change has committed. */
export interface LiveEvents {
  publish(change: LiveChange): Promise<void>;
  subscribe(listener: (change: LiveChange) => void): () => void;
  /** Throws when the fan-out cannot deliver (Redis away). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** In-process fan-out, for a single server instance. */
export function createLocalLiveEvents(): LiveEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(change) {
      emitter.emit('change', change);
    },
    subscribe(listener) {
      emitter.on('change', listener);
      return function unsubscribe() {
        emitter.off('change', listener);
      };
    },
    async ready() {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Redis fan-out when REDIS_URL is set (several instances), else in-process. Redis away
 * at start does not stop the start: `onError` hears of it, and fan-out resumes when it returns.
 */
export async function createLiveEvents(
  redisUrl: string | null,
  onError: (error: Error) => void = () => undefined,
): Promise<LiveEvents> {
  if (!redisUrl) return createLocalLiveEvents();
  const { createRedisLiveEvents } = await import('./redis-live-events');
  return createRedisLiveEvents(redisUrl, onError);
}
