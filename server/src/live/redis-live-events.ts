import { Redis } from 'ioredis';
import { createLocalLiveEvents, type LiveChange, type LiveEvents } from './live-events';

const CHANNEL = 'gridscope:live-changes';

/**
 * Fan-out through Redis, for several server instances behind one load balancer: every
 * instance publishes to one channel and relays what arrives to its own subscribers
 * (its own changes included, so there is one path).
 */
export async function createRedisLiveEvents(url: string): Promise<LiveEvents> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const local = createLocalLiveEvents();
  subscriber.on('message', (_channel: string, message: string) => {
    const change = JSON.parse(message) as LiveChange;
    void local.publish({ ...change, at: new Date(change.at) });
  });
  await subscriber.subscribe(CHANNEL);
  return {
    async publish(change) {
      await publisher.publish(CHANNEL, JSON.stringify(change));
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
