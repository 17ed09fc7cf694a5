import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a browser request comes from this site's own pages. A cookie is sent with
 * requests that other sites start too (a form posted to /graphql, a WebSocket opened
 * from their page), so every state-changing request and every WebSocket carried by the
 * session cookie must pass this. Browsers send Origin on both; where it is absent,
 * Sec-Fetch-Site tells; a client that sends neither is not a browser, so not a CSRF vector.
 */
export function fromSameOrigin(headers: IncomingHttpHeaders, host: string | undefined): boolean {
  const origin = headers.origin;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  if (origin === 'null') return false;
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}
