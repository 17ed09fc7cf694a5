import { GraphQLError } from 'graphql';
import { RETRY_AFTER_SECONDS } from '../db/unavailable';

/** Expected failures, each with a stable `extensions.code` that clients can rely on. */
export const notFound = (what: string) =>
  new GraphQLError(`${what} was not found`, { extensions: { code: 'NOT_FOUND', http: { status: 404 } } });

/** `details` go into the extensions, e.g. every problem of a place by field. */
export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...details, http: { status: 400 } } });

/** `reason` tells a client why: SESSION_EXPIRED sends the dashboard back to its login page with a message. */
export const unauthenticated = (message: string, reason?: 'SESSION_EXPIRED' | 'SIGN_IN_REQUIRED') =>
  new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', ...(reason ? { reason } : {}), http: { status: 401 } },
  });

export const forbidden = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });

export const illegalTransition = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'ILLEGAL_TRANSITION', http: { status: 409 } } });

/** The database is away: 503 with Retry-After, a code clients can wait on rather than an internal error. */
export const serviceUnavailable = () =>
  new GraphQLError(`The database is unavailable; try again in ${RETRY_AFTER_SECONDS} s`, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });

/** Too many failed authentications from one address: wait, then try again. */
export const rateLimited = (seconds: number) =>
  new GraphQLError(`Too many failed authentications from this address; wait ${seconds} s`, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });

export const conflict = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'CONFLICT', http: { status: 409 } } });
