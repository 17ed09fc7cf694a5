import type { Geometry } from 'geojson';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export type Encoding = 'utf8' | 'gbk';

/** One row of a sheet or CSV, with the spreadsheet's own 1-based row number (what a person sees in Excel). */
export interface TableRow {
  rowNumber: number;
  cells: string[];
}

export interface Table {
  file: string;
  sheet: string | null;
  encoding: Encoding | null;
  rows: TableRow[];
  notes: string[];
}

/** How a feature file says its coordinates are meant; the importer decides what to do with it. */
export type CrsHint = { kind: 'epsg'; code: number } | { kind: 'wkt'; wkt: string } | null;

export interface FeatureRecord {
  /** Where a person finds it: "feature 3" (GeoJSON, 1-based), "网格.dbf record 2" (Shapefile, 1-based), "placemark 4" (KML). */
  location: string;
  properties: Record<string, string | number | boolean | null>;
  geometry: Geometry | null;
}

export interface FeatureFile {
  file: string;
  crs: CrsHint;
  encoding: Encoding | null;
  features: FeatureRecord[];
  notes: string[];
}

/** A fault in the file itself (not a zip, no .shp in the zip, broken JSON at line N), with where it is. */
export class ReadError extends Error {
  constructor(
    readonly location: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
