import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { useEffect } from 'react';

/** Why the login page is shown: the session ended, the server needs signing in, or the viewer signed out. */
export type LoginReason = 'expired' | 'required' | 'signedOut';

/** Where to go after signing in: a path of this site only, never another site (an open redirect). */
export function safeNext(next: string | null): string {
  return next && /^\/(?![/\\])/.test(next) && !next.startsWith('/login') ? next : '/';
}

/**
 * The login page's address, keeping the page the viewer was on so that signing in
 * leads back to it; `reason` (none when the viewer chose to sign in) is said on the page.
 */
export function loginUrl(
  reason: LoginReason | null,
  here: Pick<Location, 'pathname' | 'search'> = window.location,
): string {
  const params = new URLSearchParams(reason ? { reason } : {});
  const next = here.pathname + here.search;
  if (next !== '/' && reason !== 'signedOut') params.set('next', next);
  return `/login?${params}`;
}

/** Set once the page is on its way to the login page, so that the first reason to go there is the one it says. */
let leaving = false;

export function goToLogin(reason: LoginReason): void {
  if (leaving) return;
  leaving = true;
  window.location.assign(loginUrl(reason));
}

/** Send the viewer to the login page once `mustSignIn` holds (the screen then renders nothing). */
export function useSignInWhen(mustSignIn: boolean): void {
  useEffect(
    function sendToLogin() {
      if (mustSignIn) goToLogin('required');
    },
    [mustSignIn],
  );
}

/** End the session on the server (the cookie stops working everywhere at once), then show the login page. */
export async function signOut(): Promise<void> {
  // Queries still in flight come back UNAUTHENTICATED once the session has ended: they
  // must not send the viewer to "sign in again" instead of "you have signed out".
  leaving = true;
  try {
    const response = await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`sign-out answered ${response.status}`);
  } catch (error) {
    leaving = false;
    throw error;
  }
  window.location.assign(loginUrl('signedOut'));
}

/** UNAUTHENTICATED from the server: why, or null for any other error. */
function unauthenticated(error: unknown): LoginReason | null {
  const reasonOf = (extensions: Record<string, unknown> | undefined) =>
    extensions?.code !== 'UNAUTHENTICATED' ? null : extensions.reason === 'SESSION_EXPIRED' ? 'expired' : 'required';
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => reasonOf(e.extensions)).find(Boolean) ?? null;
  if (ServerError.is(error) && error.statusCode === 401) {
    try {
      return (
        (JSON.parse(error.bodyText).errors ?? [])
          .map((e: { extensions?: never }) => reasonOf(e.extensions))
          .find(Boolean) ?? 'required'
      );
    } catch {
      return 'required';
    }
  }
  return null;
}

/**
 * The Apollo client of the signed-in screens (dashboard, admin): it sends the session
 * cookie, and an ended session or a server that needs signing in leads to the login
 * page with a message, rather than to "cannot reach the server".
 */
export function createSessionClient(): ApolloClient {
  const toLogin = new ErrorLink(({ error }) => {
    const reason = unauthenticated(error);
    if (reason) goToLogin(reason);
  });
  return new ApolloClient({
    link: ApolloLink.from([toLogin, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      // Places are identified by their codes, so every query about a community updates the same cache entry.
      typePolicies: {
        Community: { keyFields: ['code'] },
        Grid: { keyFields: ['code'] },
        Building: { keyFields: ['code'] },
        Case: { keyFields: ['code'] },
        Account: { keyFields: ['username'] },
      },
    }),
  });
}
