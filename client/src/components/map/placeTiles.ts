import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import type { PlaceTileProperties, TileLevel } from '../../../../shared/geo/place-tiles';

/** A community or grid as the vector tiles name it. */
export interface TilePlace {
  level: TileLevel;
  code: string;
  name: string;
  /** A grid's community; null for a community. */
  community: string | null;
  /** Its larger side in pixels at zoom 0: times 2^zoom, its size on screen. */
  size: number;
}

/** One feature of a tile: a place's shape (its rings) or its centre (one ring of one point), in tile units. */
export interface TileFeature {
  place: TilePlace;
  kind: 'area' | 'centre';
  rings: { x: number; y: number }[][];
}

export interface SourceTile {
  z: number;
  x: number;
  y: number;
  extent: number;
  features: TileFeature[];
}

/** Tiles kept decoded, so that a recoloured map or a neighbour's margin does not fetch or decode again. */
const TILES_KEPT = 512;

/**
 * Fetches and decodes the places' vector tiles of one URL template, each once: a tile asked for
 * again while it loads or after is the same promise. A place is one object across tiles.
 */
export function placeTileReader(url: string) {
  const tiles = new Map<string, Promise<SourceTile>>();
  const places = new Map<string, TilePlace>();
  const placeOf = (level: TileLevel, p: PlaceTileProperties): TilePlace => {
    const key = `${level}:${p.code}`;
    let place = places.get(key);
    if (!place) {
      place = { level, code: p.code, name: p.name, community: p.community ?? null, size: p.size };
      places.set(key, place);
    }
    return place;
  };
  const load = async (z: number, x: number, y: number): Promise<SourceTile> => {
    const response = await fetch(url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)));
    if (response.status === 204) return { z, x, y, extent: 1, features: [] };
    if (!response.ok) throw new Error(`Tile ${z}/${x}/${y}: HTTP ${response.status}`);
    const tile = new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer())));
    const features: TileFeature[] = [];
    let extent = 1;
    for (const [name, layer] of Object.entries(tile.layers)) {
      extent = layer.extent;
      for (let i = 0; i < layer.length; i++) {
        const feature = layer.feature(i);
        features.push({
          place: placeOf(name as TileLevel, feature.properties as unknown as PlaceTileProperties),
          kind: feature.type === 1 ? 'centre' : 'area',
          rings: feature.loadGeometry(),
        });
      }
    }
    return { z, x, y, extent, features };
  };
  return (z: number, x: number, y: number): Promise<SourceTile> => {
    const key = `${z}/${x}/${y}`;
    let tile = tiles.get(key);
    if (!tile) {
      tile = load(z, x, y);
      // A tile that failed is asked for again next time.
      tile.catch(() => tiles.get(key) === tile && tiles.delete(key));
      tiles.set(key, tile);
      if (tiles.size > TILES_KEPT) tiles.delete(tiles.keys().next().value!);
    }
    return tile;
  };
}

export type PlaceTileReader = ReturnType<typeof placeTileReader>;
