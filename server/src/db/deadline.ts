import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as nextTurnOfTheLoop } from 'node:timers/promises';
import { GraphQLError } from 'graphql';

interface Operation {
  /** When the operation's time is up (ms since the epoch), and its length for the message. */
  at: number;
  seconds: number;
  /** Settles when the operation's statement in flight, if any, has been answered. */
  previous: Promise<void>;
  /** It has read cases or hours, or an answer computed from them: its answer changes with activity (db/answers.ts). */
  readActivity: boolean;
}

const operations = new AsyncLocalStorage<Operation>();

/** What a request that ran out of time is told: partial data, and this error for the rest. */
export const queryTimeout = (seconds: number) =>
  new GraphQLError(
    `The operation ran for more than ${seconds} s (GRAPHQL_TIMEOUT_SECONDS) and was stopped: ask for fewer fields, aliases or rows`,
    { extensions: { code: 'QUERY_TIMEOUT' } },
  );

/**
 * Run `work` (a GraphQL operation) with a deadline: every database statement it sends
 * after `seconds` is refused with QUERY_TIMEOUT instead of being run. A statement
 * already running finishes; the operation stops at its next one, and a mutation's
 * transaction is rolled back.
 */
export function withDeadline<T>(seconds: number, work: () => T): T {
  return operations.run(
    { at: Date.now() + seconds * 1000, seconds, previous: Promise.resolve(), readActivity: false },
    work,
  );
}

/** What the current operation reads is noted from here on (not what authenticating its caller read). */
export function noteReadsFromHere(): void {
  const operation = operations.getStore();
  if (operation) operation.readActivity = false;
}

/** The current operation reads cases or volunteer hours, or something computed from them. */
export function readsActivity(): void {
  const operation = operations.getStore();
  if (operation) operation.readActivity = true;
}

/**
 * Whether what the current operation has read so far changes with activity, or with places
 * alone (graphql/kept-responses.ts keeps the latter through reported cases). True outside one.
 */
export function hasReadActivity(): boolean {
  return operations.getStore()?.readActivity ?? true;
}

/** Throws QUERY_TIMEOUT when the operation this statement is sent for is past its deadline. */
export function checkDeadline(): void {
  const operation = operations.getStore();
  if (operation && Date.now() > operation.at) throw queryTimeout(operation.seconds);
}

/**
 * Send one statement of the current operation, in turn: one statement of an operation is
 * in flight at a time, and before each the event loop serves everyone else. Thirty
 * aliases would otherwise send thirty statements at once: on SQLite, which answers on the
 * thread that serves every request (its answers resolve as microtasks), they would hold
 * that thread until the last was answered; on PostgreSQL they would take every
 * connection of the pool, and other requests would queue behind them. In turn, other
 * requests' statements come in between. Outside an operation (commands, imports, the
 * server's own work) statements go at once.
 */
export async function inTurn<T>(send: () => Promise<T>): Promise<T> {
  const operation = operations.getStore();
  if (!operation) return send();
  const previous = operation.previous;
  let answered!: () => void;
  operation.previous = new Promise((resolve) => (answered = resolve));
  try {
    await previous;
    await nextTurnOfTheLoop();
    checkDeadline();
    return await send();
  } finally {
    answered();
  }
}
