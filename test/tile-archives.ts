import { writeFileSync } from 'node:fs';
import { deflateSync, gzipSync } from 'node:zlib';
import Sqlite from 'libsql';
import { TileType, zxyToTileId } from 'pmtiles';

// Offline basemap archives as an administrator would hand them over, made in the test: no file is downloaded or kept.

export interface Tile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveMetadata {
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  attribution: string;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 256×256 PNG of one colour, [red, green, blue]. */
export function solidPng([red, green, blue]: [number, number, number]): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
  const row = [0, ...Array.from({ length: 256 }, () => [red, green, blue]).flat()]; // filter byte "none", then pixels
  const pixels = Buffer.from(Array.from({ length: 256 }, () => row).flat());
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** The XYZ tiles that cover a box at each zoom (Spherical Mercator, as Leaflet numbers them). */
export function tilesCovering([west, south, east, north]: ArchiveMetadata['bounds'], zooms: number[]) {
  const column = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
  const row = (lat: number, z: number) => {
    const phi = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** z);
  };
  return zooms.flatMap((z) =>
    Array.from({ length: column(east, z) - column(west, z) + 1 }, (_, i) => column(west, z) + i).flatMap((x) =>
      Array.from({ length: row(south, z) - row(north, z) + 1 }, (_, j) => ({ z, x, y: row(north, z) + j })),
    ),
  );
}

/** MBTiles 1.3: rows numbered from the south (TMS); vector tiles gzipped, as tippecanoe writes them. */
export function writeMbtiles(file: string, tiles: Tile[], metadata: ArchiveMetadata, format: 'png' | 'pbf' = 'png') {
  const db = new Sqlite(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT)');
  db.exec('CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
  const zooms = tiles.map((t) => t.z);
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [name, value] of Object.entries({
    name: 'test city',
    format,
    minzoom: Math.min(...zooms),
    maxzoom: Math.max(...zooms),
    bounds: metadata.bounds.join(','),
    attribution: metadata.attribution,
  }))
    meta.run(name, String(value));
  const insert = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (const { z, x, y, data } of tiles) insert.run(z, x, 2 ** z - 1 - y, format === 'pbf' ? gzipSync(data) : data);
  db.close();
}

/** A protobuf field: its number and wire type, then a varint or (wire type 2) length-prefixed bytes. */
function field(number: number, value: number | number[]): number[] {
  return typeof value === 'number'
    ? varints([number << 3, value])
    : [...varints([(number << 3) | 2, value.length]), ...value];
}

/**
 * A Mapbox vector tile (spec 2.1) whose layer `earth`, as Protomaps' schema names land, is
 * one square over the whole tile: drawn, it fills the tile with the style's land colour.
 */
export function earthTile(): Uint8Array {
  // MoveTo (0,0); LineTo +4096,0 / 0,+4096 / -4096,0 (zigzag-encoded); ClosePath.
  const square = varints([9, 0, 0, 26, 8192, 0, 0, 8192, 8191, 0, 15]);
  const feature = [...field(3, 3), ...field(4, square)]; // type POLYGON, geometry
  const layer = [...field(15, 2), ...field(1, [...Buffer.from('earth')]), ...field(2, feature), ...field(5, 4096)];
  return new Uint8Array(field(3, layer));
}

function varints(values: number[]): number[] {
  return values.flatMap((value) => {
    const bytes = [];
    for (; value >= 0x80; value = Math.floor(value / 0x80)) bytes.push((value % 0x80) | 0x80);
    return [...bytes, value];
  });
}

/** PMTiles v3 with one uncompressed root directory (fine for a few thousand tiles), as the spec lays it out. */
export function writePmtiles(file: string, tiles: Tile[], metadata: ArchiveMetadata, type = TileType.Png) {
  const sorted = tiles.map((t) => ({ ...t, id: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const ids = sorted.map((t) => t.id);
  const directory = Buffer.from(
    varints([
      sorted.length,
      ...ids.map((id, i) => id - (ids[i - 1] ?? 0)),
      ...sorted.map(() => 1), // run lengths
      ...sorted.map((t) => t.data.length),
      ...sorted.map((t, i) => (i === 0 ? 1 : 0)), // offset + 1 for the first, 0: right after the one before
    ]),
  );
  const json = Buffer.from(JSON.stringify({ name: 'test city', attribution: metadata.attribution }));
  const data = Buffer.concat(sorted.map((t) => t.data));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const sections = [127, directory.length, 127 + directory.length, json.length];
  const dataOffset = 127 + directory.length + json.length;
  [...sections, dataOffset, 0, dataOffset, data.length, sorted.length, sorted.length, sorted.length].forEach(
    (value, i) => header.writeBigUInt64LE(BigInt(value), 8 + i * 8),
  );
  const zooms = sorted.map((t) => t.z);
  // Clustered; directories and tiles uncompressed; the tiles' type; zooms; bounds and centre in 1e-7 degrees.
  header.set([1, 1, 1, type, Math.min(...zooms), Math.max(...zooms)], 96);
  const [west, south, east, north] = metadata.bounds;
  [west, south, east, north].forEach((degrees, i) => header.writeInt32LE(Math.round(degrees * 1e7), 102 + i * 4));
  header.writeUInt8(Math.min(...zooms), 118);
  header.writeInt32LE(Math.round(((west + east) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((south + north) / 2) * 1e7), 123);
  writeFileSync(file, Buffer.concat([header, directory, json, data]));
}
