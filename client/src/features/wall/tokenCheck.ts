/** Whether the wall may show data: `wrongRole` is a token that is not a display token. */
export type TokenState = 'ok' | 'missing' | 'invalid' | 'wrongRole' | 'unreachable';

/** The wall's address without its token, keeping everything else (scope, metrics, interval…). */
export function withoutToken(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('token');
  return url.pathname + url.search + url.hash;
}

/**
 * Trade the token in the wall's address for the wall's cookie, then take the token out
 * of the address: anyone in the hall can read a URL, and histories keep it. Until the
 * server has answered, the token stays, so a wall that starts before its server retries.
 */
export async function exchangeToken(token: string): Promise<TokenState> {
  try {
    const response = await fetch('/api/wall-session', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      credentials: 'same-origin',
    });
    if (response.status === 401 || response.status === 429) return 'invalid';
    if (response.status === 403) return 'wrongRole';
    if (!response.ok) return 'unreachable';
    history.replaceState(history.state, '', withoutToken(location.href));
    return 'ok';
  } catch {
    return 'unreachable';
  }
}

/**
 * Ask the server who the wall is, by its cookie: 401 means the token was revoked or has
 * expired, a visitor means there is no token, no answer means the server is away.
 */
export async function checkToken(): Promise<TokenState> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    if (response.status === 401) return 'invalid';
    if (!response.ok) return 'unreachable';
    const { data } = (await response.json()) as { data?: { viewer: { role: string } } };
    return data?.viewer.role === 'PUBLIC' ? 'missing' : 'ok';
  } catch {
    return 'unreachable';
  }
}
