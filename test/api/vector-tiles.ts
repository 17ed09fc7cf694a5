import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { worldPoint } from '../../shared/geo/place-tiles';
import { TEST_ADMIN_TOKEN, type TestServer } from './harness';

export const MAP_TILES = `{ mapTiles { url communityMinZoom gridMinZoom bounds { west south east north } } }`;

/** The tile of zoom z that holds a point. */
export function tileAt(lng: number, lat: number, z: number) {
  const [x, y] = worldPoint(lng, lat);
  return { z, x: Math.floor(x * 2 ** z), y: Math.floor(y * 2 ** z) };
}

export async function tileUrl(server: TestServer, credentials?: string | Record<string, string>) {
  const { data } = await server.gql<{ mapTiles: { url: string } }>(MAP_TILES, {}, credentials);
  return (z: number, x: number, y: number) =>
    `${server.url}${data!.mapTiles.url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))}`;
}

/** A tile's features by layer: each with its geometry type (1 point, 3 polygon) and properties. */
export async function decode(response: Response) {
  const tile = new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer())));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => layer.feature(i)).map(
        (f): { type: number; size?: number } & Partial<Record<'code' | 'name' | 'community', string>> => ({
          type: f.type,
          ...(f.properties as Record<string, string>),
        }),
      ),
    ]),
  );
}

/** A grid of kangle's, renamed or redrawn through the API as an admin: says what upsertPlace did. */
export async function upsertGrid(
  server: TestServer,
  grid: { code: string; name: string; boundary: string | null; community: { code: string } },
  changes: { name?: string; boundary?: object },
): Promise<string | undefined> {
  const { data } = await server.gql<{ upsertPlace: { change: string } }>(
    `mutation($input: PlaceInput!) { upsertPlace(input: $input) { change } }`,
    {
      input: {
        level: 'GRID',
        code: grid.code,
        name: changes.name ?? grid.name,
        parentCode: grid.community.code,
        boundary: changes.boundary ?? JSON.parse(grid.boundary!),
      },
    },
    TEST_ADMIN_TOKEN,
  );
  return data?.upsertPlace.change;
}
