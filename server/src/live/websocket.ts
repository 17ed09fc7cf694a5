import type { Server } from 'node:http';
import { execute, GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Credentials } from '../auth/authenticate';
import { fromSameOrigin } from '../auth/same-origin';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { createContext } from '../context';
import type { Database } from '../db/client';
import type { LiveEvents } from './live-events';
import type { Logger } from '../observability/logger';
import { formatError } from '../graphql/format-error';
import { withDeadline } from '../db/deadline';
import { limitRules } from '../graphql/limits';
import { introspectionErrors, mayReadSchema, withoutSuggestions } from '../graphql/schema-exposure';

/** How often open sockets are checked again: a revoked wall or an ended session stops within a minute. */
export const TOKEN_SWEEP_MS = 30_000;

export interface LiveSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  db: Database;
  config: Config;
  live: LiveEvents;
  logger: Logger;
  viewerFor(credentials: Credentials): Promise<Viewer>;
}

/**
 * GraphQL over graphql-ws at /graphql, authenticated by `connectionParams.token` (walls)
 * or by the session cookie of a page of this site (the dashboard).
 */
export function serveLiveSockets({ httpServer, schema, db, config, live, logger, viewerFor }: LiveSocketOptions) {
  // The same bounds as over HTTP: message size, tokens, and the validation rules of the limits.
  const sockets = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.limits.bytes });
  const rules = [...specifiedRules, ...limitRules(config.limits)];
  const format = formatError(config.development);
  const formatFor = (viewer: Viewer, error: GraphQLError) => {
    const formatted = format(error.toJSON(), error);
    return mayReadSchema(viewer, config.introspection)
      ? formatted
      : { ...formatted, message: withoutSuggestions(formatted.message) };
  };
  const authenticated = new Map<WebSocket, Credentials>();
  const server = useServer<Record<string, unknown> | undefined, { viewer?: Viewer }>(
    {
      schema,
      validate: (schemaToCheck, document) => validate(schemaToCheck, document, rules),
      // Queries and mutations over the socket have the same deadline as over HTTP; subscriptions last.
      execute: (args) => withDeadline(config.timeoutSeconds, () => execute(args)),
      onSubscribe: (ctx, _id, payload) => {
        try {
          const document = parse(payload.query, { maxTokens: config.limits.tokens });
          const refused = introspectionErrors(schema, document, ctx.extra.viewer!, config.introspection);
          if (refused.length) return [...refused];
        } catch (error) {
          return [error as GraphQLError];
        }
      },
      // Parsing and validation errors: the request's fault, never the server's, as over HTTP.
      onError: (ctx, _id, _payload, errors) =>
        errors.map((error) =>
          formatFor(
            ctx.extra.viewer!,
            error.extensions.code
              ? error
              : new GraphQLError(error.message, { ...error, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
          ),
        ),
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => formatFor(ctx.extra.viewer!, error)) }
          : undefined,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.token;
        const { headers } = ctx.extra.request;
        // Another site's page may open a socket here too, and the browser would add the cookie.
        const credentials: Credentials =
          typeof token === 'string'
            ? { authorization: `Bearer ${token}` }
            : fromSameOrigin(headers, headers.host)
              ? { cookie: headers.cookie }
              : {};
        try {
          ctx.extra.viewer = await viewerFor(credentials);
        } catch {
          return false;
        }
        if (ctx.extra.viewer.role === 'PUBLIC' && !config.publicDashboard) return false;
        if (ctx.extra.viewer.via !== 'none') authenticated.set(ctx.extra.socket, credentials);
        return true;
      },
      onDisconnect: (ctx) => void authenticated.delete(ctx.extra.socket),
      context: (ctx) =>
        createContext(
          db,
          config,
          live,
          ctx.extra.viewer!,
          logger.child({ socket: true }),
          ctx.extra.request.socket.remoteAddress ?? null,
        ),
    },
    sockets,
  );
  const sweep = setInterval(async function closeRevokedSockets() {
    for (const [socket, credentials] of authenticated) {
      const still = await viewerFor(credentials).then(
        () => true,
        () => false,
      );
      if (!still) socket.close(4403, 'Forbidden: the token was revoked or the session has ended');
    }
  }, TOKEN_SWEEP_MS);
  sweep.unref();
  return {
    open: () => sockets.clients.size,
    async close() {
      clearInterval(sweep);
      for (const socket of sockets.clients) socket.terminate();
      await server.dispose();
      await new Promise((resolve) => sockets.close(resolve));
    },
  };
}
