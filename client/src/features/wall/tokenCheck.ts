export type TokenState = 'ok' | 'missing' | 'invalid' | 'unreachable';

/** Ask the server who the token is: 401 means invalid or revoked, no answer means the server is away. */
export async function checkToken(token: string | null): Promise<TokenState> {
  if (!token) return 'missing';
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    if (response.status === 401) return 'invalid';
    return response.ok ? 'ok' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
