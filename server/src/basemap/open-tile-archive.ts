import { openMbtiles } from './mbtiles';
import { openPmtiles } from './pmtiles';
import type { TileArchive } from './tile-archive';

/**
 * Opens an MBTiles (SQLite) or PMTiles v3 file by its extension and reads what the
 * dashboard needs to draw it; a file that is neither stops the start, naming it.
 */
export async function openTileArchive(file: string): Promise<TileArchive> {
  try {
    return await (file.endsWith('.mbtiles') ? openMbtiles(file) : openPmtiles(file));
  } catch (error) {
    throw new Error(`BASEMAP file:${file} cannot be read as a tile archive: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
