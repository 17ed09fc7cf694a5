/** How long to measure: for a time, or for a number of requests. */
type Limit = { seconds: number } | { requests: number };

export type LoadOptions = Limit & {
  /** Callers sending at once; 1 measures plain latency. */
  concurrency: number;
  /** Requests sent (at the same concurrency) before measuring, to open connections and warm caches. */
  warmup?: number;
};

export interface LoadResult {
  /** Latencies in ms. */
  p50: number;
  p95: number;
  perSecond: number;
  count: number;
  /** Requests that failed (an error, a timeout): not in the latencies, nor in the rate. */
  failed: number;
  /** The first failure's message. */
  failure: string | null;
}

/**
 * Closed-loop load: `concurrency` callers, each sending its next request as soon as its last one is
 * answered, so the rate measured is what the server sustains, not what was offered.
 */
export async function measure(run: () => Promise<unknown>, options: LoadOptions): Promise<LoadResult> {
  await callers(run, options.concurrency, (sent) => sent < (options.warmup ?? 0));
  const started = performance.now();
  const deadline = 'seconds' in options ? started + options.seconds * 1000 : Infinity;
  const total = 'requests' in options ? options.requests : Infinity;
  const { latencies, failures } = await callers(
    run,
    options.concurrency,
    (sent) => sent < total && performance.now() < deadline,
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    perSecond: latencies.length / seconds,
    count: latencies.length,
    failed: failures.length,
    failure: failures[0] ?? null,
  };
}

/** The latency of each request, sent by `concurrency` callers while `more(requests sent so far)` holds. */
async function callers(run: () => Promise<unknown>, concurrency: number, more: (sent: number) => boolean) {
  const latencies: number[] = [];
  const failures: string[] = [];
  let sent = 0;
  async function caller() {
    while (more(sent)) {
      sent++;
      const started = performance.now();
      try {
        await run();
        latencies.push(performance.now() - started);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { latencies, failures };
}

/** Nearest rank of sorted values. */
export function percentile(sorted: number[], fraction: number) {
  return sorted.length ? sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] : NaN;
}

/**
 * POSTs a GraphQL query and returns its `data`; an HTTP error or a GraphQL error throws, so that a
 * benchmark never times failures. Node's fetch keeps connections alive between requests.
 */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.data;
}
