import type { Viewer } from './auth/viewer';
import type { Config } from './config';
import type { Database } from './db/client';
import type { LiveEvents } from './live/live-events';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  db: Database;
  loaders: Loaders;
  viewer: Viewer;
  config: Config;
  live: LiveEvents;
}

export function createContext(db: Database, config: Config, live: LiveEvents, viewer: Viewer): Context {
  return { db, loaders: createLoaders(db), viewer, config, live };
}
