import { Redis } from 'ioredis';
import { createLocalLiveEvents, type LiveChange, type LiveEvents } from './live-events';

const CHANNEL = 'gridscope:live-changes';

/**
 * Fan-out through Redis, for several server instances behind one load balancer: every
 * instance publishes to one channel and relays what arrives to its own subscribers
 * (its own changes included, so there is one path).
 */
export async function createRedisLiveEvents(url: string, onError: (error: Error) => void): Promise<LiveEvents> {
  // No waiting for Redis: it is optional. Both clients reconnect by themselves, the
  // subscriber resubscribes, and a publish while Redis is away fails at once (logged).
  const publisher = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const subscriber = new Redis(url);
  for (const client of [publisher, subscriber]) client.on('error', onError);
  const local = createLocalLiveEvents();
  subscriber.on('message', (_channel: string, message: string) => {
    const change = JSON.parse(message) as LiveChange;
    void local.publish({ ...change, at: new Date(change.at) });
  });
  subscriber.subscribe(CHANNEL).catch(onError);
  return {
    async publish(change) {
      try {
        await publisher.publish(CHANNEL, JSON.stringify(change));
      } catch (error) {
        // Redis is away: this instance's own walls still hear of the change.
        await local.publish(change);
        throw error;
      }
    },
    subscribe: (listener) => local.subscribe(listener),
    async ready() {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('Redis did not answer PING within 1 s')), 1000).unref(),
      );
      await Promise.race([publisher.ping(), timeout]);
    },
    async close() {
      await local.close();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
