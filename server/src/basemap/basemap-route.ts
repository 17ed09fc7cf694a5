import type express from 'express';
import { TILE_CONTENT_TYPES, type TileArchive } from './tile-archive';

/** A day, then the browser asks again with the ETag (a 304): a new archive comes with a restart. */
const TILE_CACHE = 'public, max-age=86400';

/** z, x and y of a tile's path, or null when they are not a tile of the XYZ scheme. */
export function tileCoordinates(params: Record<string, string>): [number, number, number] | null {
  if (![params.z, params.x, params.y].every((part) => /^\d{1,9}$/.test(part))) return null;
  const [z, x, y] = [params.z, params.x, params.y].map(Number);
  return z <= 30 && x < 2 ** z && y < 2 ** z ? [z, x, y] : null;
}

/**
 * GET /basemap/{z}/{x}/{y}: a tile of the offline archive (XYZ numbering, as Leaflet asks).
 * A tile the archive lacks (beyond its extent or zooms) is 204: nothing to draw, and
 * cached like a tile, since asking again would give nothing either.
 */
export function basemapRoute(archive: TileArchive | null): express.RequestHandler<{ z: string; x: string; y: string }> {
  return async (req, res) => {
    const coordinates = tileCoordinates(req.params);
    if (!archive || !coordinates) return void res.status(404).type('text').send('No such tile');
    const tile = await archive.tile(...coordinates);
    res.setHeader('Cache-Control', TILE_CACHE);
    if (!tile) return void res.status(204).end();
    res.type(TILE_CONTENT_TYPES[archive.info.format]).send(Buffer.from(tile.buffer, tile.byteOffset, tile.byteLength));
  };
}
