import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { useEffect, useLayoutEffect, useRef } from 'react';

import type { LiveChange } from './changeConcerns';
import { LIVE_CHANGES } from './operations';

const LIVE_CHANGES_TEXT = print(LIVE_CHANGES);

export interface LiveHandlers {
  onChange(change: LiveChange): void;
  onConnected(): void;
  onLost(): void;
}

/** Wait 1, 2, 4 … up to 30 s between attempts, with jitter so that many walls do not reconnect at once. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

/**
 * The scope's live changes over graphql-ws once `enabled`, reconnecting forever with
 * backoff; the browser sends the wall's cookie with the socket. The handlers are read
 * through a ref so that re-renders do not reconnect.
 */
export function useLiveChanges(enabled: boolean, scope: string, handlers: LiveHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(function keepLatestHandlers() {
    latest.current = handlers;
  });
  useEffect(
    function connectLiveChanges() {
      if (!enabled) return;
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
      const client = createClient({
        url,
        lazy: false,
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
        retryWait: (attempt) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt))),
        keepAlive: 10_000,
        onNonLazyError: () => undefined,
        on: { connected: () => latest.current.onConnected(), closed: () => latest.current.onLost() },
      });
      const unsubscribe = client.subscribe(
        { query: LIVE_CHANGES_TEXT, variables: { scope } },
        {
          next: ({ data }) => {
            const change = data?.liveChanges as LiveChange | undefined;
            if (change) latest.current.onChange(change);
          },
          error: () => latest.current.onLost(),
          complete: () => undefined,
        },
      );
      return function disconnectLiveChanges() {
        unsubscribe();
        void client.dispose();
      };
    },
    [enabled, scope],
  );
}
