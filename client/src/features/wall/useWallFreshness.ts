import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkToken, exchangeToken, type TokenState } from './tokenCheck';
import { useLiveChanges } from './liveConnection';

/** How often the wall re-checks its token and refreshes everything, live updates or not. */
const CHECK_EVERY_MS = 30_000;
const CHANGE_DEBOUNCE_MS = 250;

/**
 * Keeps the wall's data fresh: refetch on every live change in scope, a full refresh on
 * (re)connection and every 30 s. When the server is away the data stays on screen and
 * `staleSince` says since when it has not been updated; a revoked token ends the wall.
 * `token` is the one in the wall's address, traded for a cookie at the first answer.
 */
export function useWallFreshness(token: string | null, scope: string) {
  const client = useApolloClient();
  const unexchanged = useRef(token);
  const [tokenState, setTokenState] = useState<TokenState | 'checking'>('checking');
  const [lastUpdate, setLastUpdate] = useState<Date | null>(null);
  const [staleSince, setStaleSince] = useState<Date | null>(null);
  const connected = useRef(false);
  const lastUpdateRef = useRef<Date | null>(null);
  const markStale = useCallback(() => setStaleSince((since) => since ?? lastUpdateRef.current ?? new Date()), []);

  const refresh = useCallback(async () => {
    try {
      await client.refetchQueries({ include: 'active' });
      lastUpdateRef.current = new Date();
      setLastUpdate(lastUpdateRef.current);
      if (connected.current) setStaleSince(null);
    } catch {
      markStale();
    }
  }, [client, markStale]);

  const check = useCallback(async () => {
    let state = unexchanged.current ? await exchangeToken(unexchanged.current) : await checkToken();
    if (state === 'ok' && unexchanged.current) {
      unexchanged.current = null;
      state = await checkToken();
    }
    if (state === 'unreachable') markStale();
    else setTokenState(state);
    if (state === 'ok') await refresh();
  }, [refresh, markStale]);

  useEffect(
    function checkNowAndEvery30Seconds() {
      void check();
      const timer = setInterval(() => void check(), CHECK_EVERY_MS);
      return function stopChecking() {
        clearInterval(timer);
      };
    },
    [check],
  );

  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(function cancelPendingRefresh() {
    return function cancel() {
      if (pending.current) clearTimeout(pending.current);
    };
  }, []);
  useLiveChanges(tokenState === 'ok', scope, {
    onChange() {
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => void refresh(), CHANGE_DEBOUNCE_MS);
    },
    onConnected() {
      connected.current = true;
      void refresh();
    },
    onLost() {
      connected.current = false;
      markStale();
    },
  });

  return { tokenState, lastUpdate, staleSince };
}
