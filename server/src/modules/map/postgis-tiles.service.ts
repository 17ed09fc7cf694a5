import { gzipSync } from 'node:zlib';
import { Prisma } from '../../../generated/sqlite/client';
import { TILE_EXTENT, type TileLevel } from '../../../../shared/geo/place-tiles';
import type { Database } from '../../db/client';
import { answerOnce } from '../../db/answers';
import { boundaryEpoch, type BoundaryEpoch } from './boundary.service';
import type { PlaceTile, PlaceTileSource } from './place-tiles.service';

/**
 * The places' shapes of each boundary version as PostGIS geometries (Web Mercator, EPSG:3857)
 * with a GiST index, written once per version by the first server to need it and read by every
 * one: the tables are GridScope's own, outside Prisma's, made only where PostGIS is installed.
 */
const SHAPES = '"gridscope_place_shapes"';
const VERSIONS = '"gridscope_place_shape_versions"';
/** Versions of the shapes kept: the current boundaries and a few past periods'. */
const VERSIONS_KEPT = 8;
/** Encoded tiles kept, a few KB each. */
const TILES_KEPT = 4000;
/** Tile units around each tile that its shapes and dots reach into, as the in-process tiles'. */
const BUFFER = 128;
/**
 * Shapes are simplified to within this many tile units, keeping each valid (its rings neither
 * cross nor vanish), and a shape of less than its square is left out (its dot stays), as
 * geojson-vt does by default for the in-process tiles.
 */
const TOLERANCE = 3;
/** The Web-Mercator world's width in metres: a tile unit at zoom z is this / (4096 × 2^z). */
const WORLD = 40075016.685578488;

/** A version of the shapes: the places' key and the boundary epoch (ms) they are drawn at. */
const versionName = (key: string, epochMs: number) => `${key}@${epochMs}`;

/** Whether the database has PostGIS. */
async function hasPostgis(db: Database): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_extension WHERE extname = 'postgis'`;
  return rows.length > 0;
}

/** Makes the tables once, whichever of several servers starting together comes first. */
async function createTables(db: Database): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gridscope place shapes'))`;
    const [{ made }] = await tx.$queryRaw<{ made: boolean }[]>`
      SELECT to_regclass('"gridscope_place_shape_versions"') IS NOT NULL AS made`;
    if (made) return;
    await tx.$executeRawUnsafe(`CREATE TABLE ${SHAPES} (
      "version" text NOT NULL,
      "level" text NOT NULL,
      "code" text NOT NULL,
      "name" text NOT NULL,
      "community" text,
      "size" double precision NOT NULL,
      "shape" geometry(Geometry, 3857) NOT NULL,
      "centre" geometry(Point, 3857) NOT NULL,
      PRIMARY KEY ("version", "level", "code"))`);
    await tx.$executeRawUnsafe(`CREATE INDEX "gridscope_place_shapes_shape" ON ${SHAPES} USING GIST ("shape")`);
    await tx.$executeRawUnsafe(
      `CREATE TABLE ${VERSIONS} ("version" text PRIMARY KEY, "usedAt" timestamptz NOT NULL DEFAULT now())`,
    );
  });
}

/**
 * The boundary a place of `level` had at `at`, as boundariesAt reads it: its imported version
 * valid then, or the current one for a place never imported (null when its versions begin later).
 */
const boundaryAt = (level: 'COMMUNITY' | 'GRID', alias: string, at: Date) => Prisma.sql`
  CASE WHEN NOT EXISTS (SELECT 1 FROM "BoundaryVersion" v WHERE v."level" = ${level} AND v."code" = ${Prisma.raw(alias)}."code")
    THEN ${Prisma.raw(alias)}."boundary"
    ELSE (SELECT v."boundary" FROM "BoundaryVersion" v
          WHERE v."level" = ${level} AND v."code" = ${Prisma.raw(alias)}."code"
            AND v."validFrom" < ${at} AND (v."validTo" IS NULL OR v."validTo" >= ${at})
          ORDER BY v."validFrom" DESC LIMIT 1)
  END`;

/**
 * A shape's size and centre as the in-process tiles give them: its larger side in pixels at
 * zoom 0, and the middle of its extent in degrees (not in metres), as the GeoJSON map puts a dot.
 */
const SIZE_AND_CENTRE = `
  GREATEST(ST_XMax(shape) - ST_XMin(shape), ST_YMax(shape) - ST_YMin(shape)) / ${WORLD} * 256,
  ST_Transform(ST_SetSRID(ST_MakePoint(
    (ST_XMin(ST_Transform(ST_Envelope(shape), 4326)) + ST_XMax(ST_Transform(ST_Envelope(shape), 4326))) / 2,
    (ST_YMin(ST_Transform(ST_Envelope(shape), 4326)) + ST_YMax(ST_Transform(ST_Envelope(shape), 4326))) / 2), 4326), 3857)`;

/** Writes the shapes of every level drawn at the epoch under `version`, unless another server has. */
async function writeShapes(db: Database, version: string, epoch: Date): Promise<void> {
  const at = new Date(epoch.getTime() + 1);
  const existed = (alias: string) =>
    Prisma.sql`(${Prisma.raw(alias)}."retiredAt" IS NULL OR ${Prisma.raw(alias)}."retiredAt" >= ${at})`;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`place shapes ${version}`}))`;
      const made = await tx.$queryRaw<
        unknown[]
      >`SELECT 1 FROM "gridscope_place_shape_versions" WHERE "version" = ${version}`;
      if (made.length) return;
      const insert = (level: TileLevel, rows: Prisma.Sql) => tx.$executeRaw`
        INSERT INTO "gridscope_place_shapes" ("version", "level", "code", "name", "community", "size", "centre", "shape")
        SELECT ${version}, ${level}, code, name, community, ${Prisma.raw(SIZE_AND_CENTRE)}, shape
        FROM (${rows}) AS drawn`;
      await insert(
        'COMMUNITY',
        Prisma.sql`SELECT code, name, NULL AS community, shape FROM (
          SELECT c."code" AS code, c."name" AS name,
                 ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${boundaryAt('COMMUNITY', 'c', at)}), 4326), 3857) AS shape
          FROM "Community" c
          WHERE c."boundary" IS NOT NULL AND ${existed('c')}) AS located
        WHERE shape IS NOT NULL`,
      );
      await insert(
        'GRID',
        Prisma.sql`SELECT code, name, community, shape FROM (
          SELECT g."code" AS code, g."name" AS name, c."code" AS community,
                 ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${boundaryAt('GRID', 'g', at)}), 4326), 3857) AS shape
          FROM "Grid" g JOIN "Community" c ON c."id" = g."communityId"
          WHERE g."boundary" IS NOT NULL AND ${existed('g')}) AS located
        WHERE shape IS NOT NULL`,
      );
      // A sub-district: its communities' shapes dissolved into one.
      await insert(
        'SUB_DISTRICT',
        Prisma.sql`SELECT s."code" AS code, s."name" AS name, NULL AS community, merged.shape
          FROM (SELECT c."subDistrictId", ST_Union(ST_MakeValid(p."shape")) AS shape
                FROM "gridscope_place_shapes" p JOIN "Community" c ON c."code" = p."code"
                WHERE p."version" = ${version} AND p."level" = 'COMMUNITY'
                GROUP BY c."subDistrictId") AS merged
          JOIN "SubDistrict" s ON s."id" = merged."subDistrictId"`,
      );
      await tx.$executeRaw`INSERT INTO "gridscope_place_shape_versions" ("version") VALUES (${version})`;
      // The least recently used versions go, one server at a time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gridscope place shapes'))`;
      await tx.$executeRaw`DELETE FROM "gridscope_place_shape_versions" WHERE "version" NOT IN (
        SELECT "version" FROM "gridscope_place_shape_versions" ORDER BY "usedAt" DESC LIMIT ${VERSIONS_KEPT})`;
      await tx.$executeRaw`DELETE FROM "gridscope_place_shapes" p WHERE NOT EXISTS (
        SELECT 1 FROM "gridscope_place_shape_versions" v WHERE v."version" = p."version")`;
    },
    // A city's shapes take seconds; a busy pool may make the write wait for a connection.
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

/**
 * Tiles cut by PostGIS (ST_AsMVT) from the places' shapes written once per boundary version:
 * a tile reads, from the GiST index, only the shapes it meets, simplified for its zoom
 * (ST_SimplifyPreserveTopology) and clipped to it with a margin (ST_AsMVTGeom). The tiles are
 * those of inProcessTileSource, layer for layer and property for property; null without PostGIS.
 */
export async function postgisTileSource(db: Database): Promise<PlaceTileSource | null> {
  if (!(await hasPostgis(db))) return null;
  await createTables(db);
  const writing = new Map<string, Promise<void>>();
  /** Encoded tiles by version, level and z/x/y: a version names its shapes, which never change. */
  const tiles = new Map<string, Buffer | null>();
  /** When this server last marked a version used (at most once a minute each). */
  const used = new Map<string, number>();
  /** Keys of old pages' URLs, each with the key that was current when it was found out of date. */
  const outdated = new Map<string, string>();

  /**
   * The version of the places drawn at the URL's epoch: named by the last change at or before it
   * (not by the URL's number, so that made-up epochs write nothing new) and by the places' key
   * then. A page from before a change is sent the shapes of now, as the in-process tiles are.
   * Kept until places change (reported cases leave it); a URL naming another key than the one
   * kept is checked afresh, as its page may know of a change this server has not heard of.
   */
  const versionOf = async (asked: BoundaryEpoch): Promise<{ version: string; epoch: Date }> => {
    const count = async () => {
      const { key, epoch } = await boundaryEpoch(db, new Date(asked.epoch.getTime() + 1));
      return { key, epoch: epoch.getTime() };
    };
    let current = await answerOnce(db, ['placeShapes', asked.epoch.toISOString()], count, 'places');
    if (asked.key !== current.key && outdated.get(asked.key) !== current.key) {
      const now = await count();
      if (now.key === current.key) {
        if (outdated.size > 100) outdated.clear();
        outdated.set(asked.key, current.key);
      }
      current = now;
    }
    return { version: versionName(current.key, current.epoch), epoch: new Date(current.epoch) };
  };

  /** Writes the version's shapes unless a server has (one may have dropped an old one: it is written again). */
  const written = async (version: string, epoch: Date): Promise<void> => {
    const made = await db.$queryRaw<
      unknown[]
    >`SELECT 1 FROM "gridscope_place_shape_versions" WHERE "version" = ${version}`;
    if (made.length) {
      if ((used.get(version) ?? 0) > Date.now() - 60_000) return;
      used.set(version, Date.now());
      await db.$executeRaw`UPDATE "gridscope_place_shape_versions" SET "usedAt" = now() WHERE "version" = ${version}`;
      return;
    }
    let write = writing.get(version);
    if (!write) {
      write = writeShapes(db, version, epoch).finally(() => writing.delete(version));
      writing.set(version, write);
    }
    await write;
  };

  /** A tile's places: shapes found through the GiST index, and the dots of the same places. */
  const cut = async (version: string, level: TileLevel, z: number, x: number, y: number): Promise<Buffer | null> => {
    const tolerance = (TOLERANCE * WORLD) / (TILE_EXTENT * 2 ** z);
    const margin = BUFFER / TILE_EXTENT;
    const [row] = await db.$queryRaw<{ tile: Uint8Array }[]>`
      WITH bounds AS (SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS tile,
                             ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${margin}::float8) AS wide),
      places AS (
        SELECT p.*, b.tile FROM "gridscope_place_shapes" p, bounds b
        WHERE p."version" = ${version} AND p."level" = ${level} AND p."shape" && b.wide),
      features AS (
        SELECT "code", "name", "community", "size",
               ST_AsMVTGeom(ST_SimplifyPreserveTopology("shape", ${tolerance}::float8), tile, ${TILE_EXTENT}::int, ${BUFFER}::int, true) AS geom
        FROM places
        UNION ALL
        SELECT "code", "name", "community", "size", ST_AsMVTGeom("centre", tile, ${TILE_EXTENT}::int, ${BUFFER}::int, true)
        FROM places)
      SELECT ST_AsMVT(f.*, ${level}, ${TILE_EXTENT}::int, 'geom') AS tile FROM features f
      WHERE f.geom IS NOT NULL AND (ST_Dimension(f.geom) = 0 OR ST_Area(f.geom) >= ${TOLERANCE ** 2}::float8)`;
    return row?.tile?.length ? gzipSync(row.tile) : null;
  };

  // Today's shapes are written as the server starts, not while the first map waits (seconds for a city).
  // A failure here is tried again by the first tile.
  void boundaryEpoch(db, new Date())
    .then(({ key, epoch }) => written(versionName(key, epoch.getTime()), epoch))
    .catch(() => undefined);

  return {
    async tile(asked, level, z, x, y): Promise<PlaceTile> {
      const { version, epoch } = await versionOf(asked);
      const name = `${version}/${level}/${z}/${x}/${y}`;
      if (!tiles.has(name)) {
        await written(version, epoch);
        let gzipped = await cut(version, level, z, x, y);
        // Nothing found, perhaps because another server dropped the version meanwhile: then written anew.
        if (!gzipped) {
          await written(version, epoch);
          gzipped = await cut(version, level, z, x, y);
        }
        tiles.set(name, gzipped);
        if (tiles.size > TILES_KEPT) tiles.delete(tiles.keys().next().value!);
      }
      return { etag: `"${name.replace(/[@/]/g, '-')}"`, gzipped: tiles.get(name)! };
    },
  };
}
