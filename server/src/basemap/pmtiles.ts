import { open, type FileHandle } from 'node:fs/promises';
import { PMTiles, TileType, type Source } from 'pmtiles';
import type { TileFormat } from '../../../shared/geo/tile-archive';
import { archiveBounds, archiveCredits, type TileArchive } from './tile-archive';

const FORMATS: Partial<Record<TileType, TileFormat>> = {
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
  [TileType.Mvt]: 'pbf',
};

/** The pmtiles reader asks for byte ranges, as of an HTTP server: here they come from the local file. */
function fileSource(handle: FileHandle, file: string): Source {
  return {
    getKey: () => file,
    async getBytes(offset, length) {
      const bytes = new Uint8Array(length);
      const { bytesRead } = await handle.read(bytes, 0, length, offset);
      return { data: bytes.buffer.slice(0, bytesRead) };
    },
  };
}

/** PMTiles v3: a header, directories and tiles in one file; the reader decompresses the tiles. */
export async function openPmtiles(file: string): Promise<TileArchive> {
  const handle = await open(file, 'r');
  try {
    const archive = new PMTiles(fileSource(handle, file));
    const header = await archive.getHeader();
    const format = FORMATS[header.tileType];
    if (!format) throw new Error(`tiles of type ${TileType[header.tileType]} cannot be drawn (png, jpg, webp or mvt)`);
    // The JSON metadata is optional: without it the archive has no credits of its own.
    const metadata = header.jsonMetadataLength ? ((await archive.getMetadata()) as { attribution?: string }) : {};
    return {
      info: {
        format,
        minZoom: header.minZoom,
        maxZoom: header.maxZoom,
        bounds: archiveBounds([header.minLon, header.minLat, header.maxLon, header.maxLat]),
        attribution: archiveCredits(metadata.attribution),
      },
      async tile(z, x, y) {
        const tile = await archive.getZxy(z, x, y);
        return tile ? new Uint8Array(tile.data) : null;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
