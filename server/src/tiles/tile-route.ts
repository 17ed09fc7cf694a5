import { gunzipSync } from 'node:zlib';
import type express from 'express';
import { GRID_TILE_ZOOM, MAX_TILE_ZOOM, tileLevelAt } from '../../../shared/geo/place-tiles';
import { signInRequired } from '../auth/read-policy';
import { tileCoordinates } from '../basemap/basemap-route';
import type { Context } from '../context';
import { sendRefusal } from '../http-refusal';
import { boundaryEpoch, type BoundaryEpoch } from '../modules/map/boundary.service';
import type { PlaceTileSource } from '../modules/map/place-tiles.service';

/** `v` as mapTiles writes it into the URL: the boundary epoch in ms and the places' key. */
function versionOf(v: unknown): BoundaryEpoch | null {
  const match = typeof v === 'string' ? /^(\d{1,15})\.([\w-]{1,64})$/.exec(v) : null;
  return match ? { epoch: new Date(Number(match[1])), key: match[2] } : null;
}

/** `c` as mapTiles writes it: the tile zoom from which communities are drawn, sub-districts below; 0 without it. */
function communityZoomOf(c: unknown): number | null {
  if (c === undefined) return 0;
  const zoom = typeof c === 'string' && /^\d{1,2}$/.test(c) ? Number(c) : NaN;
  return zoom <= GRID_TILE_ZOOM ? zoom : null;
}

/**
 * GET /tiles/{z}/{x}/{y}.pbf?v=…&c=…: a vector tile of the places' shapes (sub-districts below
 * zoom `c`, communities, grids from GRID_TILE_ZOOM), read under the same rules as mapFeatures.
 * The URL that mapTiles gives names the boundaries' version, so a tile is cached for a day and
 * then revalidated by its ETag; without `v` it is the current boundaries. An empty tile is 204.
 */
export function tileRoute(
  source: PlaceTileSource,
  contextOf: (req: express.Request, res: express.Response) => Promise<Context>,
): express.RequestHandler<{ z: string; x: string; y: string }> {
  return async (req, res) => {
    const coordinates = tileCoordinates(req.params);
    if (!coordinates || coordinates[0] > MAX_TILE_ZOOM) return void res.status(404).type('text').send('No such tile');
    const fromCommunityZoom = communityZoomOf(req.query.c);
    if (fromCommunityZoom === null)
      return void res.status(400).type('text').send(`c must be a tile zoom from 0 to ${GRID_TILE_ZOOM}`);
    let tile, publicDashboard;
    try {
      const ctx = await contextOf(req, res);
      publicDashboard = ctx.config.publicDashboard;
      if (ctx.viewer.role === 'PUBLIC' && !publicDashboard) throw signInRequired();
      const version = versionOf(req.query.v) ?? (await boundaryEpoch(ctx.db, new Date()));
      tile = await source.tile(version, tileLevelAt(coordinates[0], fromCommunityZoom), ...coordinates);
    } catch (error) {
      if (sendRefusal(res, error)) return;
      throw error;
    }
    res.setHeader('ETag', tile.etag);
    res.setHeader('Cache-Control', `${publicDashboard ? 'public' : 'private'}, max-age=86400`);
    res.setHeader('Vary', 'Accept-Encoding, Cookie, Authorization');
    if (req.fresh) return void res.status(304).end();
    if (!tile.gzipped) return void res.status(204).end();
    res.type('application/vnd.mapbox-vector-tile');
    if (!req.acceptsEncodings('gzip')) return void res.send(gunzipSync(tile.gzipped));
    res.setHeader('Content-Encoding', 'gzip');
    res.send(tile.gzipped);
  };
}
