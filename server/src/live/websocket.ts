import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { findActiveToken } from '../auth/tokens';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { createContext } from '../context';
import type { Database } from '../db/client';
import type { LiveEvents } from './live-events';
import type { Logger } from '../observability/logger';

/** How often open sockets are checked against revoked tokens: a revoked wall stops within a minute. */
export const TOKEN_SWEEP_MS = 30_000;

export interface LiveSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  db: Database;
  config: Config;
  live: LiveEvents;
  logger: Logger;
  viewerFor(token: string | undefined): Promise<Viewer>;
}

/** GraphQL subscriptions over graphql-ws at /graphql, authenticated by `connectionParams.token`. */
export function serveLiveSockets({ httpServer, schema, db, config, live, logger, viewerFor }: LiveSocketOptions) {
  const sockets = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const tokens = new Map<WebSocket, string>();
  const tokenOf = (params: Record<string, unknown> | undefined) =>
    typeof params?.token === 'string' ? params.token : undefined;
  const server = useServer<Record<string, unknown> | undefined, { viewer?: Viewer }>(
    {
      schema,
      onConnect: async (ctx) => {
        const token = tokenOf(ctx.connectionParams);
        try {
          ctx.extra.viewer = await viewerFor(token ? `Bearer ${token}` : undefined);
        } catch {
          return false;
        }
        if (ctx.extra.viewer.role === 'PUBLIC' && !config.publicDashboard) return false;
        if (token) tokens.set(ctx.extra.socket, token);
        return true;
      },
      onDisconnect: (ctx) => void tokens.delete(ctx.extra.socket),
      context: (ctx) => createContext(db, config, live, ctx.extra.viewer!, logger.child({ socket: true })),
    },
    sockets,
  );
  const sweep = setInterval(async function closeRevokedSockets() {
    for (const [socket, token] of tokens) {
      if (!(await findActiveToken(db, token))) socket.close(4403, 'Forbidden: the token was revoked');
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
