import { describe, expect, it } from 'vitest';
import { loginUrl, safeNext } from './session';

describe('the way back after signing in', () => {
  it('keeps the page the viewer was on', () => {
    const url = new URL(loginUrl('expired', { pathname: '/c/kangle', search: '?metric=BACKLOG' }), 'http://x');
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('reason')).toBe('expired');
    expect(safeNext(url.searchParams.get('next'))).toBe('/c/kangle?metric=BACKLOG');
  });

  it('never leads to another site or back to the login page', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('/admin/users')).toBe('/admin/users');
  });
});
