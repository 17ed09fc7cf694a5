import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkToken, exchangeToken, type TokenState } from './tokenCheck';
import { changeConcerns, type LiveChange } from './changeConcerns';
import { useLiveChanges } from './liveConnection';
import { WALL_ITEM, WALL_LATEST_CASES, WALL_RANKING } from './operations';

/** How often the wall re-checks its token and refetches its figures, live updates or not. */
const CHECK_EVERY_MS = 30_000;
/** Changes heard within this of each other are refetched for once. */
export const CHANGE_DEBOUNCE_MS = 250;
/**
 * What a change and the half-minute check refetch: the figures. The places change only with an
 * import, and are fetched again when the wall reconnects or reloads: a city-wide wall's places
 * are 3,500 communities, and a thousand walls asking for them at every change would be the
 * server's whole work.
 */
const FIGURES = [WALL_ITEM, WALL_RANKING, WALL_LATEST_CASES];

/**
 * Keeps the wall's data fresh: on every live change in scope, the figures it concerns are
 * refetched; every 30 s all its figures, and everything on (re)connection. When the server
 * is away the data stays on screen and `staleSince` says since when it has not been updated;
 * a revoked token ends the wall.
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

  /** Refetches `include`; with `changes`, only the queries they concern. */
  const refresh = useCallback(
    async (include: 'active' | typeof FIGURES = FIGURES, changes?: readonly LiveChange[]) => {
      try {
        await client.refetchQueries({
          include,
          onQueryUpdated: (query) => (!changes || changeConcerns(changes, query) ? query.refetch() : false),
        });
        lastUpdateRef.current = new Date();
        setLastUpdate(lastUpdateRef.current);
        if (connected.current) setStaleSince(null);
      } catch {
        markStale();
      }
    },
    [client, markStale],
  );

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
  const heard = useRef<LiveChange[]>([]);
  useEffect(function cancelPendingRefresh() {
    return function cancel() {
      if (pending.current) clearTimeout(pending.current);
    };
  }, []);
  useLiveChanges(tokenState === 'ok', scope, {
    onChange(change) {
      heard.current.push(change);
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => {
        const changes = heard.current;
        heard.current = [];
        void refresh(FIGURES, changes);
      }, CHANGE_DEBOUNCE_MS);
    },
    onConnected() {
      connected.current = true;
      void refresh('active');
    },
    onLost() {
      connected.current = false;
      markStale();
    },
  });

  return { tokenState, lastUpdate, staleSince };
}
