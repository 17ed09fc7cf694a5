import { gzipSync } from 'node:zlib';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import {
  lngLatOf,
  MAX_TILE_ZOOM,
  sizeAtZoomZero,
  TILE_EXTENT,
  type PlaceTileProperties,
  type TileLevel,
} from '../../../../shared/geo/place-tiles';
import type { Config } from '../../config';
import { databaseKind, type Database } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { boundariesAt, boundaryEpoch, existedAt, type BoundaryEpoch } from './boundary.service';
import { postgisTileSource } from './postgis-tiles.service';
import { dissolvedSubDistricts } from './sub-districts.service';

/** One vector tile of place shapes, gzipped, with the ETag that names its content. */
export interface PlaceTile {
  etag: string;
  /** Gzipped Mapbox Vector Tile; null when no place lies in the tile. */
  gzipped: Buffer | null;
}

/**
 * Where the overview's tiles come from. `inProcessTileSource` cuts them from GeoJSON in the
 * server's memory and works on every database; `postgisTileSource` has PostGIS cut them
 * (ST_AsMVT over geometry columns) where PostgreSQL has the extension.
 */
export interface PlaceTileSource {
  /** Tile z/x/y of the level's places as drawn in `version`'s epoch. */
  tile(version: BoundaryEpoch, level: TileLevel, z: number, x: number, y: number): Promise<PlaceTile>;
}

/** A place as tiles draw it: its shape and its centre, and the extent that says which tiles it is in. */
interface TilePlace {
  bounds: [west: number, south: number, east: number, north: number];
  features: [Feature<Polygon | MultiPolygon>, Feature<Point>];
}

/** The places of a level (of a region, for grids) at one boundary epoch, and the version they were read at. */
interface PlaceSet {
  key: string;
  places: TilePlace[];
  /** Versions callers named that the database said were not the current one (older pages). */
  outdated: Set<string>;
}

/**
 * Grids are read by region, the tiles of this zoom (about 10 km across): a city's 35,000 grids
 * take seconds to read, a region's two thousand a tenth of that, and a screen of grids lies in a
 * few regions. Communities and sub-districts, drawn at lower zooms, are read together.
 */
const GRID_REGION_ZOOM = 12;
/** Sets kept: the communities and a city's regions of grids, of the current boundaries and a past period's. */
const SETS_KEPT = 64;
/** Encoded tiles kept, a few KB each. */
const TILES_KEPT = 4000;
/** Tile units around each tile that its shapes and dots reach into, so that a dot at its edge is drawn whole. */
const BUFFER = 128;

type TileId = [z: number, x: number, y: number];

/** A tile's extent in WGS-84 degrees, widened by `margin` of its width on each side. */
function tileBounds([z, x, y]: TileId, margin = 0): TilePlace['bounds'] {
  const [west, north] = lngLatOf((x - margin) / 2 ** z, (y - margin) / 2 ** z);
  const [east, south] = lngLatOf((x + 1 + margin) / 2 ** z, (y + 1 + margin) / 2 ** z);
  return [west, south, east, north];
}

const overlap = (a: TilePlace['bounds'], b: TilePlace['bounds']) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** A place's shape and a point at the middle of its extent, where its dot and label go (as on the GeoJSON map). */
function tilePlace(shape: Polygon | MultiPolygon, place: Omit<PlaceTileProperties, 'size'>): TilePlace {
  const rings = shape.type === 'Polygon' ? [shape.coordinates[0]] : shape.coordinates.map((p) => p[0]);
  const bounds = rings
    .flat()
    .reduce<TilePlace['bounds']>(
      ([w, s, e, n], [lng, lat]) => [Math.min(w, lng), Math.min(s, lat), Math.max(e, lng), Math.max(n, lat)],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
  const centre = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
  const properties: PlaceTileProperties = { ...place, size: sizeAtZoomZero(...bounds) };
  return {
    bounds,
    features: [
      { type: 'Feature', properties, geometry: shape },
      { type: 'Feature', properties, geometry: { type: 'Point', coordinates: centre } },
    ],
  };
}

/** Every place of the level drawn at `at` (within the region, with a margin). */
async function readPlaces(db: Database, level: TileLevel, at: Date, region: TileId | null): Promise<TilePlace[]> {
  if (level === 'SUB_DISTRICT')
    return (await dissolvedSubDistricts(db, at)).map(({ code, name, boundary }) => tilePlace(boundary, { code, name }));
  const where = { boundary: { not: null }, ...existedAt(at) };
  if (region) {
    const [west, south, east, north] = tileBounds(region, 1 / 8);
    Object.assign(where, {
      minLng: { lte: east },
      maxLng: { gte: west },
      minLat: { lte: north },
      maxLat: { gte: south },
    });
  }
  const select = { code: true, name: true, boundary: true } as const;
  let rows: { code: string; name: string; boundary: string | null; community?: string }[];
  if (level === 'COMMUNITY') rows = await db.community.findMany({ where, select });
  else {
    const grids = await db.grid.findMany({ where, select: { ...select, communityId: true } });
    const communities = await db.community.findMany({
      where: { id: { in: [...new Set(grids.map((g) => g.communityId))] } },
      select: { id: true, code: true },
    });
    const codeOf = new Map(communities.map((c) => [c.id, c.code]));
    rows = grids.map((g) => ({ ...g, community: codeOf.get(g.communityId) }));
  }
  const drawn = await boundariesAt(db, level, rows, at);
  return rows
    .filter((row) => drawn.has(row.code))
    .map((row) =>
      tilePlace(JSON.parse(drawn.get(row.code)!), {
        code: row.code,
        name: row.name,
        ...(row.community ? { community: row.community } : {}),
      }),
    );
}

/**
 * Tiles cut in this process from the places' GeoJSON (geojson-vt), on SQLite and PostgreSQL
 * alike. The places of a level (a region's, for grids) at a boundary epoch are read at its first
 * tile and again when they change; a tile is cut from those whose extent meets it, and kept
 * encoded by its ETag.
 */
export function inProcessTileSource(db: Database): PlaceTileSource {
  const sets = new Map<string, Promise<PlaceSet>>();
  const tiles = new Map<string, Buffer | null>();

  const read = async (level: TileLevel, epoch: Date, region: TileId | null): Promise<PlaceSet> => {
    // Any moment after the epoch, up to the next change, draws the same places.
    const at = new Date(epoch.getTime() + 1);
    const { key } = await boundaryEpoch(db, at);
    return { key, places: await readPlaces(db, level, at, region), outdated: new Set() };
  };

  const reread = (id: string, level: TileLevel, epoch: Date, region: TileId | null) => {
    const set = read(level, epoch, region);
    // A failed read is not kept: the next tile tries again.
    set.catch(() => sets.get(id) === set && sets.delete(id));
    sets.delete(id);
    sets.set(id, set);
    if (sets.size > SETS_KEPT) sets.delete(sets.keys().next().value!);
    return set;
  };

  const placesOf = async (level: TileLevel, version: BoundaryEpoch, region: TileId | null): Promise<PlaceSet> => {
    const id = `${level}@${version.epoch.getTime()}/${region ?? 'all'}`;
    const kept = sets.get(id);
    if (!kept) return reread(id, level, version.epoch, region);
    const set = await kept;
    if (set.key === version.key || set.outdated.has(version.key)) return set;
    // Another version than the set's: a page from before the set, or places changed since it was read.
    const current = await boundaryEpoch(db, new Date(version.epoch.getTime() + 1));
    if (current.key === set.key) {
      if (set.outdated.size < 100) set.outdated.add(version.key);
      return set;
    }
    return sets.get(id) === kept ? reread(id, level, version.epoch, region) : sets.get(id)!;
  };

  const cut = (places: TilePlace[], level: TileLevel, [z, x, y]: TileId): Buffer | null => {
    const bounds = tileBounds([z, x, y], BUFFER / TILE_EXTENT);
    const features = places.filter((p) => overlap(p.bounds, bounds)).flatMap((p) => p.features);
    if (!features.length) return null;
    const tile = geoJSONToTile({ type: 'FeatureCollection', features }, z, x, y, {
      maxZoom: MAX_TILE_ZOOM,
      extent: TILE_EXTENT,
      buffer: BUFFER,
      clip: true,
    });
    return tile.features.length
      ? gzipSync(fromGeojsonVt({ [level]: tile }, { version: 2, extent: TILE_EXTENT }))
      : null;
  };

  return {
    async tile(version, level, z, x, y): Promise<PlaceTile> {
      const up = z - GRID_REGION_ZOOM;
      const region: TileId | null = level === 'GRID' ? [GRID_REGION_ZOOM, x >> up, y >> up] : null;
      const { key, places } = await placesOf(level, version, region);
      const etag = `"${key}-${version.epoch.getTime()}-${level}-${z}-${x}-${y}"`;
      if (!tiles.has(etag)) {
        tiles.set(etag, cut(places, level, [z, x, y]));
        if (tiles.size > TILES_KEPT) tiles.delete(tiles.keys().next().value!);
      }
      return { etag, gzipped: tiles.get(etag)! };
    },
  };
}

/**
 * The tile source PLACE_TILES names: PostGIS where the database has the extension (`auto`), or
 * this process (SQLite, PostgreSQL without PostGIS, or `in-process`). Chosen when the server
 * starts, or at the first tile when the database is away then; `chosen` hears which, and why
 * not PostGIS when `auto` found it present but unusable (its tables could not be made, say).
 */
export async function placeTileSource(
  config: Pick<Config, 'placeTiles' | 'databaseUrl'>,
  db: Database,
  chosen: (by: 'postgis' | 'in-process', error?: unknown) => void,
): Promise<PlaceTileSource> {
  if (config.placeTiles === 'in-process' || databaseKind(config.databaseUrl) === 'sqlite') {
    chosen('in-process');
    return inProcessTileSource(db);
  }
  const choose = async (): Promise<PlaceTileSource> => {
    let postgis: PlaceTileSource | null;
    try {
      postgis = await postgisTileSource(db);
    } catch (error) {
      if (isDatabaseUnavailable(error) || config.placeTiles === 'postgis') throw error;
      chosen('in-process', error);
      return inProcessTileSource(db);
    }
    if (postgis) {
      chosen('postgis');
      return postgis;
    }
    if (config.placeTiles === 'postgis')
      throw new Error(
        'PLACE_TILES=postgis: the database has no PostGIS extension (apt-get install postgresql-15-postgis-3, then CREATE EXTENSION postgis in the database)',
      );
    chosen('in-process');
    return inProcessTileSource(db);
  };
  let choice: Promise<PlaceTileSource> | null = null;
  const source = () => {
    choice ??= choose();
    // Asked again at the next tile, once the database is back.
    choice.catch(() => (choice = null));
    return choice;
  };
  await source().catch((error: unknown) => {
    if (!isDatabaseUnavailable(error)) throw error;
  });
  return { tile: async (...tile) => (await source()).tile(...tile) };
}
