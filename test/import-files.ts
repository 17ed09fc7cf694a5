import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import iconv from 'iconv-lite';
import { boxPolygon } from '../prisma/seed/geometry';

// Files as sub-districts hand them over, built in memory for the importer's tests.

/** A rectangle in WGS-84 degrees, west to east and south to north. */
export const rectangle = (west: number, south: number, east: number, north: number): Polygon =>
  boxPolygon({ minLng: west, minLat: south, maxLng: east, maxLat: north });

/** A GeoJSON feature with its attributes, as a GIS office's file has them. */
export const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});

/** ESRI WKT of CGCS2000 longitude/latitude (EPSG:4490), as ArcGIS writes the .prj. */
export const CGCS2000_GEOGRAPHIC_PRJ =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** ESRI WKT of CGCS2000 3-degree Gauss-Kruger CM 114E (EPSG:4547); the CGCS2000 ellipsoid has GRS 1980's axes. */
export const CGCS2000_GK_CM_114E_PRJ = `PROJCS["CGCS2000_3_Degree_GK_CM_114E",${CGCS2000_GEOGRAPHIC_PRJ},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

export interface DbfField {
  /** At most 10 bytes in the layer's encoding: 5 Chinese characters in GBK, 3 in UTF-8. */
  name: string;
  /** Text, number, or date (values "2024-03-05"). */
  type: 'C' | 'N' | 'D';
  length?: number;
  decimals?: number;
}

export interface ShapeRecord {
  /** null writes a null shape. */
  geometry: Polygon | MultiPolygon | Point | null;
  values: (string | number | null)[];
}

/**
 * A zipped Shapefile: .shp, .shx and a dBASE III .dbf, with a .prj when given and a .cpg naming the
 * encoding unless `cpg` is null. `zipNames: 'gbk'` writes the entry names the way zip tools on
 * Chinese Windows do: GBK bytes without the zip's UTF-8 flag.
 */
export function shapefileZip(options: {
  layer: string;
  fields: DbfField[];
  records: ShapeRecord[];
  encoding: 'gbk' | 'utf8';
  prj?: string;
  cpg?: string | null;
  folder?: string;
  zipNames?: 'gbk' | 'utf8';
}): Uint8Array {
  const { layer, fields, records, encoding, prj, folder } = options;
  const encode = (text: string) => (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  const files: Record<string, Uint8Array> = {
    ...shapes(records.map((record) => record.geometry)),
    dbf: dbf(fields, records, encode),
  };
  if (prj !== undefined) files.prj = Buffer.from(prj);
  const cpg = options.cpg === undefined ? (encoding === 'gbk' ? 'GBK' : 'UTF-8') : options.cpg;
  if (cpg !== null) files.cpg = Buffer.from(cpg);
  const stem = folder ? `${folder}/${layer}` : layer;
  if (options.zipNames !== 'gbk') return zipLayer(stem, files);
  const gbkStem = iconv.encode(stem, 'gbk');
  return overwriteNames(zipLayer('x'.repeat(gbkStem.length), files), gbkStem);
}

function zipLayer(stem: string, files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([extension, bytes]) => [`${stem}.${extension}`, bytes])),
  );
}

/**
 * fflate writes every name as flagged UTF-8, so the GBK stem goes over an ASCII stand-in of its byte
 * length in each local header and central directory entry; the flag stays off for ASCII names.
 */
function overwriteNames(zip: Uint8Array, stem: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  for (let at = 0; at < zip.length;) {
    if (view.getUint32(at, true) === 0x04034b50) {
      zip.set(stem, at + 30);
      at += 30 + u16(at + 26) + u16(at + 28) + view.getUint32(at + 18, true);
    } else if (view.getUint32(at, true) === 0x02014b50) {
      zip.set(stem, at + 46);
      at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    } else break;
  }
  return zip;
}

/** .shp and .shx: big-endian file and record headers, little-endian shapes, as the ESRI white paper lays them out. */
function shapes(geometries: ShapeRecord['geometry'][]): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = geometries.some((geometry) => geometry?.type === 'Point') ? 1 : 5;
  const contents = geometries.map(shapeContent);
  const box = bounds(geometries.flatMap((geometry) => (geometry ? positionsOf(geometry) : [])));
  const shpLength = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const shp = [fileHeader(shapeType, shpLength, box)];
  const shx = [fileHeader(shapeType, 100 + 8 * contents.length, box)];
  let offset = 100;
  contents.forEach((content, i) => {
    shp.push(bigEndian(i + 1, content.length / 2), content);
    shx.push(bigEndian(offset / 2, content.length / 2));
    offset += 8 + content.length;
  });
  return { shp: Buffer.concat(shp), shx: Buffer.concat(shx) };
}

function fileHeader(shapeType: number, byteLength: number, box: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(100));
  view.setInt32(0, 9994);
  view.setInt32(24, byteLength / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  box.forEach((value, i) => view.setFloat64(36 + 8 * i, value, true));
  return new Uint8Array(view.buffer);
}

function bigEndian(first: number, second: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(8));
  view.setInt32(0, first);
  view.setInt32(4, second);
  return new Uint8Array(view.buffer);
}

/** Outer rings clockwise and holes counter-clockwise, as the Shapefile specification wants. */
function shapeContent(geometry: ShapeRecord['geometry']): Uint8Array {
  if (!geometry) return new Uint8Array(4);
  if (geometry.type === 'Point') {
    const view = new DataView(new ArrayBuffer(20));
    view.setInt32(0, 1, true);
    view.setFloat64(4, geometry.coordinates[0], true);
    view.setFloat64(12, geometry.coordinates[1], true);
    return new Uint8Array(view.buffer);
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = polygons.flatMap((polygon) =>
    polygon.map((ring, i) => (clockwise(ring) === (i === 0) ? ring : [...ring].reverse())),
  );
  const points = rings.flat();
  const view = new DataView(new ArrayBuffer(44 + 4 * rings.length + 16 * points.length));
  view.setInt32(0, 5, true);
  bounds(points).forEach((value, i) => view.setFloat64(4 + 8 * i, value, true));
  view.setInt32(36, rings.length, true);
  view.setInt32(40, points.length, true);
  let start = 0;
  rings.forEach((ring, i) => {
    view.setInt32(44 + 4 * i, start, true);
    start += ring.length;
  });
  points.forEach(([x, y], i) => {
    view.setFloat64(44 + 4 * rings.length + 16 * i, x, true);
    view.setFloat64(52 + 4 * rings.length + 16 * i, y, true);
  });
  return new Uint8Array(view.buffer);
}

function clockwise(ring: Position[]): boolean {
  const twiceArea = ring.reduce((sum, [x, y], i) => {
    const [nextX, nextY] = ring[(i + 1) % ring.length];
    return sum + x * nextY - nextX * y;
  }, 0);
  return twiceArea < 0;
}

const positionsOf = (geometry: Polygon | MultiPolygon | Point): Position[] =>
  geometry.type === 'Point'
    ? [geometry.coordinates]
    : geometry.type === 'Polygon'
      ? geometry.coordinates.flat()
      : geometry.coordinates.flat(2);

/** [xmin, ymin, xmax, ymax], zeros for no positions. */
function bounds(positions: Position[]): number[] {
  if (positions.length === 0) return [0, 0, 0, 0];
  const xs = positions.map(([x]) => x);
  const ys = positions.map(([, y]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** dBASE III: text left-aligned and numbers right-aligned in space-padded fixed-width fields. */
function dbf(fields: DbfField[], records: ShapeRecord[], encode: (text: string) => Uint8Array): Uint8Array {
  const sized = fields.map((field) => ({ length: { C: 80, N: 18, D: 8 }[field.type], decimals: 0, ...field }));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + sized.reduce((sum, field) => sum + field.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * records.length + 1).fill(0x20, headerLength);
  const view = new DataView(bytes.buffer);
  const today = new Date();
  bytes.set([3, today.getFullYear() - 1900, today.getMonth() + 1, today.getDate()]);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  sized.forEach((field, i) => {
    const name = encode(field.name);
    if (name.length > 10) throw new Error(`The field name ${field.name} is ${name.length} bytes; dBASE allows 10`);
    bytes.set(name, 32 + 32 * i);
    bytes.set([field.type.charCodeAt(0), 0, 0, 0, 0, field.length, field.decimals], 32 + 32 * i + 11);
  });
  bytes[headerLength - 1] = 0x0d;
  records.forEach(({ values }, r) => {
    let at = headerLength + r * recordLength + 1;
    sized.forEach((field, i) => {
      const text = fieldText(field, values[i]);
      const encoded = encode(text);
      if (encoded.length > field.length)
        throw new Error(`"${text}" does not fit the ${field.length} bytes of ${field.name}`);
      bytes.set(encoded, field.type === 'N' ? at + field.length - encoded.length : at);
      at += field.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/** dBASE writes numbers with a fixed count of decimals and dates as YYYYMMDD. */
function fieldText(field: Required<DbfField>, value: string | number | null): string {
  if (value === null) return '';
  if (field.type === 'N') return Number(value).toFixed(field.decimals);
  return field.type === 'D' ? String(value).replaceAll('-', '') : String(value);
}

export interface XlsxSheet {
  sheet: string;
  /** Merged across the header's width in row 1, as report templates have it. */
  title?: string;
  header: string[];
  rows: (string | number | Date | null)[][];
  /** Totals, signatures and remarks below the data. */
  footer?: (string | number | null)[][];
}

/** A workbook with one sheet per argument; numbers show thousands separators, as sub-districts format them. */
export async function xlsx(...sheets: XlsxSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const { sheet, title, header, rows, footer = [] } of sheets) {
    const worksheet = workbook.addWorksheet(sheet);
    if (title) {
      worksheet.addRow([title]);
      worksheet.mergeCells(1, 1, 1, header.length);
    }
    worksheet.addRows([header, ...rows, ...footer]);
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') cell.numFmt = Number.isInteger(cell.value) ? '#,##0' : '#,##0.00';
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CSV as Excel on Chinese Windows saves it: GBK, CRLF. */
export function gbkCsv(rows: (string | number)[][]): Uint8Array {
  return new Uint8Array(iconv.encode(csvText(rows), 'gbk'));
}

export function utf8Csv(rows: (string | number)[][], options: { bom?: boolean } = {}): Uint8Array {
  return new TextEncoder().encode((options.bom ? '\uFEFF' : '') + csvText(rows));
}

function csvText(rows: (string | number)[][]): string {
  const field = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
