import { gunzipSync } from 'node:zlib';
import Sqlite from 'libsql';
import type { TileFormat } from '../../../shared/geo/tile-archive';
import { archiveBounds, archiveCredits, type TileArchive } from './tile-archive';

const FORMATS: Record<string, TileFormat> = {
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  webp: 'webp',
  pbf: 'pbf',
  mvt: 'pbf',
};

/** An archive that does not name its format (mb-util without metadata.json): its first tile's magic number does. */
function sniffFormat(tile: Uint8Array): TileFormat {
  if (tile[0] === 0x89 && tile[1] === 0x50) return 'png';
  if (tile[0] === 0xff && tile[1] === 0xd8) return 'jpg';
  if (tile[8] === 0x57 && tile[9] === 0x45) return 'webp';
  return 'pbf';
}

/**
 * MBTiles 1.3: a SQLite file of tiles and a name/value metadata table. Its rows count
 * from the south (TMS), and vector tiles in it are usually gzipped.
 */
export async function openMbtiles(file: string): Promise<TileArchive> {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[];
    const metadata = Object.fromEntries(rows.map((row) => [row.name, row.value]));
    // libsql reads a BLOB as an ArrayBuffer.
    const first = db.prepare('SELECT tile_data FROM tiles LIMIT 1').get() as { tile_data: ArrayBuffer } | undefined;
    if (!first) throw new Error('it holds no tile');
    const zooms = db.prepare('SELECT MIN(zoom_level) AS min, MAX(zoom_level) AS max FROM tiles').get() as {
      min: number;
      max: number;
    };
    const format = metadata.format ? FORMATS[metadata.format] : sniffFormat(new Uint8Array(first.tile_data));
    if (!format) throw new Error(`tiles of format "${metadata.format}" cannot be drawn (png, jpg, webp or pbf)`);
    const select = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    return {
      info: {
        format,
        minZoom: Number(metadata.minzoom ?? zooms.min),
        maxZoom: Number(metadata.maxzoom ?? zooms.max),
        bounds: archiveBounds((metadata.bounds ?? '').split(',').map(Number)),
        attribution: archiveCredits(metadata.attribution),
      },
      async tile(z, x, y) {
        const row = select.get(z, x, 2 ** z - 1 - y) as { tile_data: ArrayBuffer } | undefined;
        if (!row) return null;
        const data = new Uint8Array(row.tile_data);
        return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
      },
      async close() {
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
