import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Pool figures of the database client, where there is a pool (PostgreSQL). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricSources {
  openWebSockets(): number;
  pool(): PoolStats | null;
}

/** One registry per server, so that several servers in one process (tests) keep their own counts. */
export function createMetrics(sources: MetricSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'gridscope_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation, with their duration',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'gridscope_graphql_errors_total',
    help: 'GraphQL errors by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const liveEvents = new Counter({
    name: 'gridscope_live_events_published_total',
    help: 'Live changes published, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  new Gauge({
    name: 'gridscope_websockets_open',
    help: 'Open GraphQL WebSockets (walls, subscriptions)',
    registers: [registry],
    collect() {
      this.set(sources.openWebSockets());
    },
  });
  new Gauge({
    name: 'gridscope_db_pool_connections',
    help: 'Database pool connections by state (PostgreSQL)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = sources.pool();
      if (!pool) return;
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  return { registry, requests, errors, liveEvents };
}

export type Metrics = ReturnType<typeof createMetrics>;
