import type express from 'express';
import type { GraphQLError } from 'graphql';

/**
 * An expected refusal (a GraphQLError with an HTTP status: not signed in, bad input, the
 * database away) answered as GraphQL would, as JSON { code, message } with its status and
 * headers. Returns false for anything else, which is Express's to log.
 */
export function sendRefusal(res: express.Response, error: unknown): boolean {
  const { extensions, message } = error as GraphQLError;
  const http = extensions?.http as { status?: number; headers?: Map<string, string> } | undefined;
  if (!http?.status) return false;
  for (const [name, value] of http.headers ?? []) res.setHeader(name, value);
  res.status(http.status).json({ code: extensions.reason ?? extensions.code, message });
  return true;
}
