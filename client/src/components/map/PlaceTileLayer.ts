import L from 'leaflet';
import { convertPosition, type Crs } from '../../../../shared/geo/convert';
import { lngLatOf, MAX_TILE_ZOOM, worldPoint } from '../../../../shared/geo/place-tiles';
import type { PlaceTileReader, SourceTile, TilePlace } from './placeTiles';

/** Drawn 512 px across from the server's tile one zoom up: a quarter of the requests of 256-px tiles, as sharp. */
const TILE_SIZE = 512;
/**
 * A place smaller than this on screen (px) is drawn as a dot, as the GeoJSON map draws a marker:
 * a city's communities stay a mosaic of small shapes far out, a few scattered ones stay visible.
 */
const DOT_BELOW = 1.5;
export const DOT_RADIUS = 8;
const FILL_OPACITY = 0.82;

interface Shape {
  place: TilePlace;
  path: Path2D;
  dot: boolean;
  /** Width of its white outline; none on a shape too small for one to leave any colour. */
  stroke: number;
}

/** What one source tile puts on a drawn tile: its shapes, cut to its own square (a neighbour draws the margin). */
interface Piece {
  clip: Path2D;
  shapes: Shape[];
}

interface DrawnTile {
  canvas: HTMLCanvasElement;
  coords: L.Coords;
  pieces: Piece[];
  /** Each place's centre in the tile, in its pixels. */
  centres: Map<TilePlace, L.Point>;
}

export interface PlaceInView {
  place: TilePlace;
  at: L.LatLng;
  /** Its size on screen, px. */
  width: number;
  dot: boolean;
}

export interface PlaceTileOptions extends L.GridLayerOptions {
  read: PlaceTileReader;
  /** The system the basemap is drawn in: the tiles' WGS-84 shapes are converted to it point by point. */
  crs: Crs;
  fill(place: TilePlace): string;
}

const keyOf = (c: { x: number; y: number; z: number }) => `${c.x}:${c.y}:${c.z}`;
const hitTest = () => document.createElement('canvas').getContext('2d')!;

/**
 * The places' vector tiles drawn on canvas, one canvas per tile, coloured by `fill`: recolouring
 * (another metric or period) repaints the tiles from the shapes they hold, with nothing fetched.
 * Places can be found under a point (hover, click) and listed with their centres (labels).
 */
export class PlaceTileLayer extends L.GridLayer {
  declare options: PlaceTileOptions;
  private drawn = new Map<string, DrawnTile>();
  private hits = hitTest();

  constructor(options: PlaceTileOptions) {
    super({ tileSize: TILE_SIZE, updateWhenZooming: false, ...options });
    this.on('tileunload', (event: L.TileEvent) => {
      const key = keyOf(event.coords);
      if (this.drawn.get(key)?.canvas === (event.tile as HTMLElement)) this.drawn.delete(key);
    });
  }

  createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = canvas.height = TILE_SIZE * ratio;
    this.piecesOf(coords).then(
      ({ pieces, centres }) => {
        const tile = { canvas, coords, pieces, centres };
        this.drawn.set(keyOf(coords), tile);
        this.paint(tile);
        done(undefined, canvas);
      },
      (error: Error) => done(error, canvas),
    );
    return canvas;
  }

  /** Colour the places anew: the tiles of the current zoom are repainted (those of the last one are on their way out). */
  setFill(fill: PlaceTileOptions['fill']): void {
    this.options.fill = fill;
    const z = this.tileZoom();
    for (const tile of this.drawn.values()) if (tile.coords.z === z) this.paint(tile);
  }

  /** The place under a point of the map, or null. */
  placeAt(latlng: L.LatLng): TilePlace | null {
    if (!this._map) return null;
    const z = this.tileZoom();
    const point = this._map.project(latlng, z);
    const coords = point.divideBy(TILE_SIZE).floor();
    const tile = this.drawn.get(keyOf({ x: coords.x, y: coords.y, z }));
    if (!tile) return null;
    const [x, y] = [point.x - coords.x * TILE_SIZE, point.y - coords.y * TILE_SIZE];
    for (const piece of tile.pieces) {
      if (!this.hits.isPointInPath(piece.clip, x, y)) continue;
      const shapes = [...piece.shapes.filter((s) => s.dot).reverse(), ...piece.shapes.filter((s) => !s.dot).reverse()];
      const hit = shapes.find((s) => this.hits.isPointInPath(s.path, x, y, 'evenodd'));
      if (hit) return hit.place;
    }
    return null;
  }

  /** Every place drawn at the current zoom (on screen or just off it), once. */
  placesDrawn(): TilePlace[] {
    const z = this.tileZoom();
    const places = new Set<TilePlace>();
    for (const tile of this.drawn.values())
      if (tile.coords.z === z)
        for (const piece of tile.pieces) for (const shape of piece.shapes) places.add(shape.place);
    return [...places];
  }

  /** The places whose centre is on screen, with where it is. */
  placesInView(): PlaceInView[] {
    if (!this._map) return [];
    const z = this.tileZoom();
    const scale = 2 ** this._map.getZoom();
    const bounds = this._map.getBounds();
    const found = new Map<TilePlace, PlaceInView>();
    for (const tile of this.drawn.values()) {
      if (tile.coords.z !== z) continue;
      for (const [place, centre] of tile.centres) {
        const at = this._map.unproject(centre.add(L.point(tile.coords.x, tile.coords.y).multiplyBy(TILE_SIZE)), z);
        const width = place.size * scale;
        if (!found.has(place) && bounds.contains(at)) found.set(place, { place, at, width, dot: width < DOT_BELOW });
      }
    }
    return [...found.values()];
  }

  private tileZoom(): number {
    return Math.round(this._map?.getZoom() ?? 0);
  }

  /** Display CRS → WGS-84 and back, as positions in the Web-Mercator world square. */
  private toWgs(x: number, y: number): [number, number] {
    if (this.options.crs === 'WGS84') return [x, y];
    const [lng, lat] = convertPosition(lngLatOf(x, y), this.options.crs, 'WGS84');
    return worldPoint(lng, lat);
  }

  private fromWgs(x: number, y: number): [number, number] {
    if (this.options.crs === 'WGS84') return [x, y];
    const [lng, lat] = convertPosition(lngLatOf(x, y), 'WGS84', this.options.crs);
    return worldPoint(lng, lat);
  }

  /** The server's tiles under a drawn tile (one, or up to four where the basemap's system shifts the shapes) as shapes in its pixels. */
  private async piecesOf(coords: L.Coords): Promise<Pick<DrawnTile, 'pieces' | 'centres'>> {
    const pixels = 256 * 2 ** coords.z;
    const toPixel = (x: number, y: number) => {
      const [px, py] = this.fromWgs(x, y);
      return L.point(px * pixels - coords.x * TILE_SIZE, py * pixels - coords.y * TILE_SIZE);
    };
    const corners = [0, 1].flatMap((dx) =>
      [0, 1].map((dy) => this.toWgs(((coords.x + dx) * TILE_SIZE) / pixels, ((coords.y + dy) * TILE_SIZE) / pixels)),
    );
    const z = Math.max(0, Math.min(MAX_TILE_ZOOM, coords.z - 1));
    const n = 2 ** z;
    const range = (axis: 0 | 1) => {
      const values = corners.map((c) => c[axis] * n);
      const first = Math.max(0, Math.floor(Math.min(...values)));
      const last = Math.min(n - 1, Math.floor(Math.max(...values) - 1e-9));
      return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    };
    const sources = await Promise.all(range(0).flatMap((x) => range(1).map((y) => this.options.read(z, x, y))));
    const scale = 2 ** coords.z;
    const centres = new Map<TilePlace, L.Point>();
    const pieces = sources.map((source) => this.piece(source, scale, toPixel, centres));
    return { pieces, centres };
  }

  private piece(
    source: SourceTile,
    scale: number,
    toPixel: (x: number, y: number) => L.Point,
    centres: Map<TilePlace, L.Point>,
  ): Piece {
    const n = 2 ** source.z;
    const at = (x: number, y: number) =>
      toPixel((source.x + x / source.extent) / n, (source.y + y / source.extent) / n);
    const clip = new Path2D();
    [at(0, 0), at(source.extent, 0), at(source.extent, source.extent), at(0, source.extent)].forEach((p, i) =>
      i ? clip.lineTo(p.x, p.y) : clip.moveTo(p.x, p.y),
    );
    const shapes: Shape[] = [];
    for (const feature of source.features) {
      const size = feature.place.size * scale;
      const dot = size < DOT_BELOW;
      const path = new Path2D();
      if (feature.kind === 'centre') {
        const centre = at(feature.rings[0][0].x, feature.rings[0][0].y);
        if (centre.x >= 0 && centre.y >= 0 && centre.x < TILE_SIZE && centre.y < TILE_SIZE)
          centres.set(feature.place, centre);
        if (!dot) continue;
        path.arc(centre.x, centre.y, DOT_RADIUS, 0, 2 * Math.PI);
      } else {
        if (dot) continue;
        for (const ring of feature.rings)
          ring.forEach((v, i) => {
            const p = at(v.x, v.y);
            if (i) path.lineTo(p.x, p.y);
            else path.moveTo(p.x, p.y);
          });
      }
      shapes.push({ place: feature.place, path, dot, stroke: dot ? 1.5 : size >= 40 ? 1.5 : size >= 12 ? 1 : 0 });
    }
    return { clip, shapes };
  }

  /** Shapes of one colour are filled together, and outlined together after: a few canvas calls a tile, not thousands. */
  private paint(tile: DrawnTile): void {
    const context = tile.canvas.getContext('2d')!;
    const ratio = tile.canvas.width / TILE_SIZE;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, TILE_SIZE, TILE_SIZE);
    context.strokeStyle = '#fff';
    for (const piece of tile.pieces) {
      const fills = new Map<string, Path2D>();
      const outlines = new Map<number, Path2D>();
      const add = <K>(paths: Map<K, Path2D>, key: K, path: Path2D) => {
        if (!paths.has(key)) paths.set(key, new Path2D());
        paths.get(key)!.addPath(path);
      };
      for (const shape of piece.shapes) {
        if (shape.dot) continue;
        add(fills, this.options.fill(shape.place), shape.path);
        if (shape.stroke) add(outlines, shape.stroke, shape.path);
      }
      context.save();
      context.clip(piece.clip);
      context.globalAlpha = FILL_OPACITY;
      for (const [color, path] of fills) {
        context.fillStyle = color;
        context.fill(path, 'evenodd');
      }
      context.globalAlpha = 1;
      for (const [width, path] of outlines) {
        context.lineWidth = width;
        context.stroke(path);
      }
      context.lineWidth = 1.5;
      for (const shape of piece.shapes) {
        if (!shape.dot) continue;
        context.fillStyle = this.options.fill(shape.place);
        context.fill(shape.path);
        context.stroke(shape.path);
      }
      context.restore();
    }
  }
}
