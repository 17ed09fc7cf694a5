import type express from 'express';
import type { Config } from './config';

/**
 * The origin a tile URL template loads from, in CSP syntax: `https://t{s}.tianditu.gov.cn/…`
 * becomes `https://*.tianditu.gov.cn`, since CSP wildcards only a whole leftmost label.
 */
export function tileSource(template: string): string | null {
  const match = /^(https?:)\/\/([^/]+)/.exec(template);
  if (!match) return null;
  const [, scheme, host] = match;
  const labels = host.split('.');
  return `${scheme}//${labels[0].includes('{') ? ['*', ...labels.slice(1)].join('.') : host}`;
}

/**
 * Headers every answer carries: no page of ours inside another site's frame, no scripts
 * but our own, images only from us and the configured tile servers, no Referer (a wall's
 * URL carries its token), and no guessing of content types.
 */
export function securityHeaders(config: Config): express.RequestHandler {
  const tiles = [...new Set(Object.values(config.tileUrls).map(tileSource).filter(Boolean))].join(' ');
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    // Leaflet and GraphiQL position their elements with inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tiles}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}
