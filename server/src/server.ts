import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { readPolicy } from './auth/read-policy';
import { findActiveToken } from './auth/tokens';
import { PUBLIC_VIEWER, type Viewer } from './auth/viewer';
import type { Config } from './config';
import { createContext, type Context } from './context';
import type { Database } from './db/client';
import { depthLimit } from './graphql/depth-limit';
import { unauthenticated } from './graphql/errors';
import { formatError } from './graphql/format-error';
import { buildAppSchema } from './graphql/schema';
import { createLocalLiveEvents, type LiveEvents } from './live/live-events';
import { graphiqlPage } from './graphiql';
import { serveLiveSockets } from './live/websocket';
import type { Role } from '../../shared/enums';

const CLIENT_DIST = new URL('../../client/dist', import.meta.url).pathname;
const MAX_DEPTH = 8;

async function viewerFor(db: Database, authorization: string | undefined): Promise<Viewer> {
  if (!authorization) return PUBLIC_VIEWER;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  const token = await findActiveToken(db, match[1]);
  if (!token) throw unauthenticated('The API token is unknown or has been revoked');
  return { role: token.role as Role, scope: token.scope, tokenName: token.name };
}

export interface AppServer {
  httpServer: Server;
  live: LiveEvents;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** The HTTP app: GraphQL at /graphql (GraphiQL for browsers), the dashboard at /. Listening is the caller's. */
export async function createServer(config: Config, db: Database, live: LiveEvents = createLocalLiveEvents()): Promise<AppServer> {
  const app = express();
  const httpServer = createHttpServer(app);
  const schema = await buildAppSchema(live);
  const liveSockets = serveLiveSockets({ httpServer, schema, db, config, live, viewerFor: (authorization) => viewerFor(db, authorization) });
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: [depthLimit(MAX_DEPTH)],
    formatError: formatError(config.production),
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), readPolicy],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/config.json', (_req, res) => void res.json({ basemap: config.basemap, tiandituKey: config.tiandituKey, tileUrls: config.tileUrls, publicDashboard: config.publicDashboard }));
  app.get('/graphql', (req, res, next) => (req.accepts(['application/json', 'text/html']) === 'text/html' ? void res.type('html').send(graphiqlPage()) : next()));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, {
    context: async ({ req }) => createContext(db, config, live, await viewerFor(db, req.headers.authorization)),
  }));
  if (existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql).*/, (_req, res) => res.sendFile(`${CLIENT_DIST}/index.html`));
  } else {
    app.get('/', (_req, res) => void res.type('text').send('The dashboard is not built yet: run npm run build. GraphQL is at /graphql.'));
  }

  return {
    httpServer,
    live,
    listen: (port, host = '0.0.0.0') => new Promise((resolve) => {
      httpServer.listen(port, host, () => resolve(`http://localhost:${(httpServer.address() as AddressInfo).port}`));
    }),
    async close() {
      await liveSockets.close();
      await apollo.stop();
      await live.close();
    },
  };
}
