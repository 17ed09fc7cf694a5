import { unzipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import * as shapefile from 'shapefile';
import { decodeText, extensionOf } from './table';
import { type CrsHint, type Encoding, type FeatureFile, type FeatureRecord, type InputFile, ReadError } from './types';

type Properties = FeatureRecord['properties'];

const SHP_ALONE = 'A .shp alone has no attributes: zip the .shp, .shx, .dbf, .prj (and .cpg) together';

/** Features of a GeoJSON file, a zipped Shapefile or a KML file, with what the file says of its coordinates. */
export async function readFeatures(file: InputFile, options: { encoding?: Encoding } = {}): Promise<FeatureFile> {
  const extension = extensionOf(file.name);
  if (extension === 'geojson' || extension === 'json') return readGeoJson(file, options.encoding);
  if (extension === 'zip') return readShapefileZip(file, options.encoding);
  if (extension === 'kml') return readKml(file, options.encoding);
  if (extension === 'shp') throw new ReadError(file.name, SHP_ALONE);
  throw new ReadError(file.name, `Cannot read a .${extension} file: give .geojson, .json, .kml or a zipped Shapefile`);
}

const GEOMETRY_TYPE = /^((Multi)?(Point|LineString|Polygon)|GeometryCollection)$/;

function readGeoJson(file: InputFile, encoding: Encoding | undefined): FeatureFile {
  const decoded = decodeText(file.bytes, encoding);
  const json = parseJson(decoded.text) as { type?: string; features?: unknown; crs?: unknown };
  const notes = [...decoded.notes];
  const features =
    json?.type === 'FeatureCollection' && Array.isArray(json.features)
      ? json.features
      : json?.type === 'Feature'
        ? [json]
        : GEOMETRY_TYPE.test(json?.type ?? '')
          ? [{ type: 'Feature', properties: {}, geometry: json }]
          : null;
  if (!features) throw new ReadError(file.name, 'Not GeoJSON: expected a FeatureCollection, a Feature or a geometry');
  return {
    file: file.name,
    crs: crsMember(json.crs, notes),
    encoding: decoded.encoding,
    notes,
    features: features.map((feature: { type?: string; properties?: object | null; geometry?: Geometry }, i) => {
      if (feature?.type !== 'Feature') throw new ReadError(`feature ${i + 1}`, 'Not a GeoJSON Feature');
      return {
        location: `feature ${i + 1}`,
        properties: plain(feature.properties),
        geometry: feature.geometry ?? null,
      };
    }),
  };
}

/** JSON.parse does not always say where; the shortest prefix that cannot begin valid JSON ends at the fault. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    let fine = 0;
    let broken = text.length;
    while (broken - fine > 1) {
      const middle = Math.floor((fine + broken) / 2);
      if (beginsJson(text.slice(0, middle))) fine = middle;
      else broken = middle;
    }
    const line = text.slice(0, broken).split('\n').length;
    throw new ReadError(`line ${line}`, `Broken JSON at line ${line}: look for a missing comma, quote or bracket`);
  }
}

function beginsJson(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    return message.includes('end of JSON') || Number(position?.[1] ?? -1) >= prefix.length;
  }
}

/** GeoJSON 2008's crs member ("urn:ogc:def:crs:EPSG::4490", "EPSG:4326"); RFC 7946 dropped it, GIS tools still write it. */
function crsMember(crs: unknown, notes: string[]): CrsHint {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS:?84$/i.test(name)) return { kind: 'epsg', code: 4326 };
  const code = /EPSG:(?:[\d.]*:)?(\d+)$/i.exec(name)?.[1];
  if (code) return { kind: 'epsg', code: Number(code) };
  notes.push(`The crs member "${name}" names no EPSG code`);
  return null;
}

/** Properties as flat values; nested objects and arrays become their JSON text. */
function plain(properties: object | null | undefined): Properties {
  const entries = Object.entries(properties ?? {});
  return Object.fromEntries(
    entries.map(([key, value]) => [key, value !== null && typeof value === 'object' ? JSON.stringify(value) : value]),
  );
}

async function readShapefileZip(file: InputFile, encoding: Encoding | undefined): Promise<FeatureFile> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes);
  } catch {
    throw new ReadError(file.name, 'Not a zip archive');
  }
  // Paths with the extension in lower case; macOS adds __MACOSX/._* shadows of every file.
  const files = new Map<string, Uint8Array>();
  for (const [raw, bytes] of Object.entries(entries)) {
    const name = entryName(raw).replace(/\.[^./]+$/, (extension) => extension.toLowerCase());
    if (!/(^|\/)(__MACOSX\/|\._)/.test(name)) files.set(name, bytes);
  }
  const stems = [...files.keys()].filter((name) => name.endsWith('.shp')).map((name) => name.slice(0, -4));
  if (stems.length === 0) throw new ReadError(file.name, 'The zip holds no .shp file');

  const notes: string[] = [];
  const features: FeatureRecord[] = [];
  const layers = [];
  for (const stem of stems) {
    const layer = stem.slice(stem.lastIndexOf('/') + 1);
    const missing = ['.shx', '.dbf'].filter((extension) => !files.has(stem + extension));
    if (missing.length)
      throw new ReadError(file.name, `${layer}.shp comes without its ${missing.join(' and ')} in the zip`);
    const dbf = files.get(`${stem}.dbf`)!;
    const cpg = files.get(`${stem}.cpg`);
    const layerEncoding = encoding ?? dbfEncoding(layer, dbf, cpg && new TextDecoder().decode(cpg), notes);
    const prj = files.get(`${stem}.prj`);
    layers.push({ layer, encoding: layerEncoding, wkt: prj ? new TextDecoder().decode(prj).trim() : null });
    try {
      const source = await shapefile.open(files.get(`${stem}.shp`)!, dbf, { encoding: layerEncoding });
      for (let n = 1, next = await source.read(); !next.done; n += 1, next = await source.read()) {
        const { properties, geometry } = next.value;
        const location = `${layer}.dbf record ${n}`;
        features.push({ location, properties: dbfValues(properties), geometry: rfc7946(geometry) });
      }
    } catch (error) {
      throw new ReadError(`${layer}.shp`, `Cannot read the Shapefile: ${(error as Error).message}`);
    }
  }
  if (new Set(layers.map((l) => l.wkt)).size > 1)
    throw new ReadError(file.name, `The layers ${stems.join(', ')} differ in their .prj: zip each on its own`);
  const wkt = layers[0].wkt;
  return { file: file.name, crs: wkt ? { kind: 'wkt', wkt } : null, encoding: layers[0].encoding, features, notes };
}

/**
 * fflate reads a name without the zip's UTF-8 flag as Latin-1, and zip tools on Chinese Windows
 * write names in GBK that way: such names are decoded again from their bytes.
 */
function entryName(name: string): string {
  const codes = Array.from(name, (c) => c.charCodeAt(0));
  if (codes.every((c) => c < 0x80) || codes.some((c) => c > 0xff)) return name;
  return decodeText(Uint8Array.from(codes)).text;
}

/** The .cpg's code page as ArcGIS, QGIS and Chinese tools write it, else a guess from the .dbf's bytes. */
function dbfEncoding(layer: string, dbf: Uint8Array, cpg: string | undefined, notes: string[]): Encoding {
  const page = cpg?.replace(/[\s_-]/g, '').toUpperCase();
  if (page && /^(UTF8|65001)$/.test(page)) return 'utf8';
  if (page && /^(GBK|GB2312|GB18030|(CP|ANSI|WINDOWS)?936)$/.test(page)) return 'gbk';
  const text = decodeText(dbfText(dbf));
  const why = page ? `its .cpg names the unknown code page "${cpg?.trim()}"` : 'it comes without a .cpg';
  if (text.encoding === 'gbk') notes.push(`${layer}.dbf is not valid UTF-8 and ${why}, so it was read as GBK`);
  return text.encoding;
}

/** Field names and records of a .dbf, without the binary header fields, to tell its text encoding. */
function dbfText(dbf: Uint8Array): Uint8Array {
  const headerLength = dbf[8] | (dbf[9] << 8);
  const names = [];
  for (let at = 32; at + 32 <= headerLength && dbf[at] !== 0x0d; at += 32) names.push(...dbf.subarray(at, at + 11));
  return Uint8Array.from([...names, ...dbf.subarray(headerLength)]);
}

/** shapefile returns date fields as local Dates, and an empty one as 1899-11-30. */
function dbfValues(properties: Record<string, unknown> | null): Properties {
  const values = Object.entries(properties ?? {}).map(([key, value]) => {
    if (!(value instanceof Date)) return [key, value];
    if (value.getFullYear() < 1900) return [key, null];
    const pad = (n: number) => String(n).padStart(2, '0');
    return [key, `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`];
  });
  return Object.fromEntries(values);
}

/** Shapefiles wind outer rings clockwise, RFC 7946 counter-clockwise; shapefile passes them on as stored. */
function rfc7946(geometry: Geometry | null): Geometry | null {
  if (geometry?.type === 'Polygon') return { type: 'Polygon', coordinates: rewind(geometry.coordinates) };
  if (geometry?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewind) };
  return geometry;
}

const rewind = (rings: Position[][]) =>
  rings.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? ring : [...ring].reverse()));

/** Positive when the ring runs counter-clockwise. */
function signedArea(ring: Position[]): number {
  return ring.reduce((sum, [x, y], i) => {
    const [nextX, nextY] = ring[(i + 1) % ring.length];
    return sum + x * nextY - nextX * y;
  }, 0);
}

function readKml(file: InputFile, encoding: Encoding | undefined): FeatureFile {
  const decoded = decodeText(file.bytes, encoding);
  const xml = decoded.text.replace(/<!--[\s\S]*?-->/g, '');
  const features = elements(xml, 'Placemark').map(({ content }, i): FeatureRecord => {
    const name = text(elements(content, 'name')[0]?.content ?? '');
    const properties: Properties = name ? { name } : {};
    for (const data of elements(content, 'Data'))
      properties[attribute(data.attributes, 'name')] = text(elements(data.content, 'value')[0]?.content ?? '');
    for (const data of elements(content, 'SimpleData'))
      properties[attribute(data.attributes, 'name')] = text(data.content);
    return { location: `placemark ${i + 1}${name ? ` (${name})` : ''}`, properties, geometry: kmlGeometry(content) };
  });
  const notes = [...decoded.notes, 'KML coordinates are WGS-84 longitude and latitude by definition'];
  return { file: file.name, crs: null, encoding: decoded.encoding, features, notes };
}

function kmlGeometry(placemark: string): Geometry | null {
  const polygons = elements(placemark, 'Polygon').map(({ content }) =>
    [...elements(content, 'outerBoundaryIs'), ...elements(content, 'innerBoundaryIs')].map((boundary) =>
      positions(boundary.content),
    ),
  );
  if (polygons.length > 1) return { type: 'MultiPolygon', coordinates: polygons };
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] };
  const point = elements(placemark, 'Point')[0];
  return point ? { type: 'Point', coordinates: positions(point.content)[0] } : null;
}

/** "lng,lat[,alt] lng,lat[,alt] …" of the first <coordinates> inside; the altitude is left out. */
function positions(xml: string): Position[] {
  const tuples = text(elements(xml, 'coordinates')[0]?.content ?? '').replace(/\s*,\s*/g, ',');
  return tuples
    .split(/\s+/)
    .filter(Boolean)
    .map((tuple) => tuple.split(',').slice(0, 2).map(Number));
}

/** Each <tag …>…</tag>, with or without a namespace prefix; KML does not nest an element in one of its own kind. */
function elements(xml: string, tag: string): { attributes: string; content: string }[] {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${tag}(\\s[^>]*)?(?<!/)>([\\s\\S]*?)</(?:[\\w-]+:)?${tag}\\s*>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => ({ attributes: match[1] ?? '', content: match[2] }));
}

function attribute(attributes: string, name: string): string {
  return text(new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attributes)?.[2] ?? '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data: CDATA sections as they are, entities and character references resolved. */
function text(xml: string): string {
  return xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[\da-f]+|#\d+|\w+);/gi, (whole, cdata?: string, entity?: string) => {
      if (cdata !== undefined) return cdata;
      // "#x4e2d" reads as 0x4e2d and "#20013" as 020013, both numbers to Number().
      if (entity!.startsWith('#')) return String.fromCodePoint(Number(entity!.replace('#', '0')));
      return ENTITIES[entity!] ?? whole;
    })
    .trim();
}
