import { unzipSync, zipSync } from 'fflate';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  CGCS2000_GEOGRAPHIC_PRJ,
  CGCS2000_GK_CM_114E_PRJ,
  type DbfField,
  type ShapeRecord,
  shapefileZip,
} from '../../../../../test/import-files';
import { readFeatures } from './features';
import { ReadError } from './types';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readFeatures: GeoJSON', () => {
  it('reads features, their properties and the crs member', async () => {
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
      features: [
        {
          type: 'Feature',
          properties: { 网格编码: 'G01', 常住人口: 1200, 启用: true, 备注: null, 标签: ['老旧小区'] },
          geometry: { type: 'Point', coordinates: [113.66, 34.8] },
        },
        { type: 'Feature', properties: null, geometry: null },
      ],
    };
    const file = await readFeatures({ name: '网格.geojson', bytes: utf8(JSON.stringify(collection)) }, {});
    expect(file).toMatchObject({
      file: '网格.geojson',
      crs: { kind: 'epsg', code: 4490 },
      encoding: 'utf8',
      notes: [],
    });
    expect(file.features).toEqual([
      {
        location: 'feature 1',
        properties: { 网格编码: 'G01', 常住人口: 1200, 启用: true, 备注: null, 标签: '["老旧小区"]' },
        geometry: { type: 'Point', coordinates: [113.66, 34.8] },
      },
      { location: 'feature 2', properties: {}, geometry: null },
    ]);
  });

  it('reads a single Feature, a bare geometry and the short EPSG form', async () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const feature = {
      type: 'Feature',
      crs: { type: 'name', properties: { name: 'EPSG:4326' } },
      properties: { a: 1 },
      geometry: polygon,
    };
    const single = await readFeatures({ name: 'a.json', bytes: utf8(JSON.stringify(feature)) }, {});
    expect(single.crs).toEqual({ kind: 'epsg', code: 4326 });
    expect(single.features).toEqual([{ location: 'feature 1', properties: { a: 1 }, geometry: polygon }]);
    const bare = await readFeatures({ name: 'b.geojson', bytes: utf8(JSON.stringify(polygon)) }, {});
    expect(bare).toMatchObject({ crs: null, features: [{ location: 'feature 1', properties: {}, geometry: polygon }] });
  });

  it('says on which line the JSON breaks', async () => {
    const missingComma = `{
  "type": "FeatureCollection",
  "features": [
    { "type": "Feature" }
    { "type": "Feature" }
  ]
}`;
    const broken = (text: string) => readFeatures({ name: '网格.geojson', bytes: utf8(text) }, {});
    await expect(broken(missingComma)).rejects.toBeInstanceOf(ReadError);
    await expect(broken(missingComma)).rejects.toMatchObject({ location: 'line 5' });
    const cutOff = missingComma.split('\n').slice(0, 4).join('\r\n');
    await expect(broken(cutOff)).rejects.toMatchObject({ location: 'line 4' });
    await expect(broken('{\n"type": "Feature",\n"properties": {"a": 1,}\n}')).rejects.toMatchObject({
      location: 'line 3',
    });
  });
});

// Coordinates in metres of CGCS2000 / 3-degree Gauss-Kruger CM 114E, around Wuhan.
const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [square(532000.125, 3386000.5, 400), square(532100.25, 3386100.75, 50).reverse()],
};
const twoParts: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[square(533000, 3387000, 100)], [square(534000.5, 3387000.5, 80)]],
};
const FIELDS: DbfField[] = [
  { name: '网格编码', type: 'C', length: 20 },
  { name: '网格名称', type: 'C', length: 40 },
  { name: '常住人口', type: 'N', length: 10 },
  { name: '面积', type: 'N', length: 12, decimals: 3 },
  { name: '划定日期', type: 'D' },
];
const RECORDS: ShapeRecord[] = [
  { geometry: withHole, values: ['420106-001-01', '中南路第一网格', 1520, 0.16, '2024-03-05'] },
  { geometry: twoParts, values: ['420106-001-02', '中南路第二网格（含飞地）', null, 0.0164, null] },
];

describe('readFeatures: zipped Shapefile', () => {
  it('gives the GBK attributes, the coordinates as written and the .prj, using the .cpg', async () => {
    const bytes = shapefileZip({
      layer: '网格',
      fields: FIELDS,
      records: RECORDS,
      encoding: 'gbk',
      prj: CGCS2000_GK_CM_114E_PRJ,
    });
    const file = await readFeatures({ name: '中南路街道网格.zip', bytes }, {});
    expect(file).toMatchObject({ crs: { kind: 'wkt', wkt: CGCS2000_GK_CM_114E_PRJ }, encoding: 'gbk', notes: [] });
    expect(file.features).toEqual([
      {
        location: '网格.dbf record 1',
        properties: {
          网格编码: '420106-001-01',
          网格名称: '中南路第一网格',
          常住人口: 1520,
          面积: 0.16,
          划定日期: '2024-03-05',
        },
        geometry: withHole,
      },
      {
        location: '网格.dbf record 2',
        properties: {
          网格编码: '420106-001-02',
          网格名称: '中南路第二网格（含飞地）',
          常住人口: null,
          面积: 0.016,
          划定日期: null,
        },
        geometry: twoParts,
      },
    ]);
  });

  it('falls back to GBK without a .cpg, and reads GBK names of a folder in the zip', async () => {
    const bytes = shapefileZip({
      layer: '网格',
      fields: FIELDS,
      records: RECORDS,
      encoding: 'gbk',
      cpg: null,
      folder: '中南路街道',
      zipNames: 'gbk',
    });
    expect(Object.keys(unzipSync(bytes))).not.toContain('中南路街道/网格.shp');
    const file = await readFeatures({ name: '网格.zip', bytes }, {});
    expect(file.encoding).toBe('gbk');
    expect(file.notes).toEqual(['网格.dbf is not valid UTF-8 and it comes without a .cpg, so it was read as GBK']);
    expect(file.features.map((f) => [f.location, f.properties.网格名称])).toEqual([
      ['网格.dbf record 1', '中南路第一网格'],
      ['网格.dbf record 2', '中南路第二网格（含飞地）'],
    ]);
    expect(file.features[0].geometry).toEqual(withHole);
  });

  it('reads a UTF-8 .dbf without a .cpg as UTF-8, and takes an encoding it is given', async () => {
    // Three Chinese characters fill the 10 bytes of a field name in UTF-8.
    const fields: DbfField[] = [
      { name: '编码', type: 'C', length: 20 },
      { name: '名称', type: 'C', length: 40 },
    ];
    const utf8Zip = shapefileZip({ layer: '网格', fields, records: RECORDS, encoding: 'utf8', cpg: null });
    const file = await readFeatures({ name: '网格.zip', bytes: utf8Zip }, {});
    expect(file).toMatchObject({ encoding: 'utf8', notes: [], crs: null });
    expect(file.features[1].properties).toEqual({ 编码: '420106-001-02', 名称: '中南路第二网格（含飞地）' });
    const gbkZip = shapefileZip({ layer: '网格', fields, records: RECORDS, encoding: 'gbk', cpg: 'UTF-8' });
    const told = await readFeatures({ name: '网格.zip', bytes: gbkZip }, { encoding: 'gbk' });
    expect(told.features[0].properties).toEqual({ 编码: '420106-001-01', 名称: '中南路第一网格' });
  });

  it('reads every layer of the zip, points and null shapes included', async () => {
    const grids = unzipSync(
      shapefileZip({ layer: '网格', fields: FIELDS, records: RECORDS, encoding: 'gbk', prj: CGCS2000_GEOGRAPHIC_PRJ }),
    );
    const buildings = unzipSync(
      shapefileZip({
        layer: '楼栋',
        fields: [{ name: '楼栋名称', type: 'C' }],
        records: [
          { geometry: { type: 'Point', coordinates: [114.3012345, 30.5498765] }, values: ['1号楼'] },
          { geometry: null, values: ['待测绘'] },
        ],
        encoding: 'gbk',
        prj: CGCS2000_GEOGRAPHIC_PRJ,
      }),
    );
    const file = await readFeatures({ name: '全部.zip', bytes: zipSync({ ...grids, ...buildings }) }, {});
    expect(file.crs).toEqual({ kind: 'wkt', wkt: CGCS2000_GEOGRAPHIC_PRJ });
    expect(file.features.slice(2)).toEqual([
      {
        location: '楼栋.dbf record 1',
        properties: { 楼栋名称: '1号楼' },
        geometry: { type: 'Point', coordinates: [114.3012345, 30.5498765] },
      },
      { location: '楼栋.dbf record 2', properties: { 楼栋名称: '待测绘' }, geometry: null },
    ]);
    expect(file.features.slice(0, 2).map((f) => f.location)).toEqual(['网格.dbf record 1', '网格.dbf record 2']);
  });

  it('names what is missing or wrong with the zip', async () => {
    const entries = unzipSync(shapefileZip({ layer: '网格', fields: FIELDS, records: RECORDS, encoding: 'gbk' }));
    delete entries['网格.dbf'];
    await expect(readFeatures({ name: '网格.zip', bytes: zipSync(entries) }, {})).rejects.toMatchObject({
      location: '网格.zip',
      message: '网格.shp comes without its .dbf in the zip',
    });
    await expect(readFeatures({ name: '网格.zip', bytes: zipSync({ 'readme.txt': utf8('hi') }) }, {})).rejects.toThrow(
      'The zip holds no .shp file',
    );
    await expect(readFeatures({ name: '网格.zip', bytes: utf8('not a zip') }, {})).rejects.toThrow('Not a zip archive');
    await expect(readFeatures({ name: '网格.shp', bytes: entries['网格.shp'] }, {})).rejects.toThrow(
      /zip the \.shp, \.shx, \.dbf, \.prj \(and \.cpg\) together/,
    );
  });
});

describe('readFeatures: KML', () => {
  const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <!-- <Placemark><name>commented out</name></Placemark> -->
  <Schema name="网格" id="网格"><SimpleField name="网格编码" type="string"/></Schema>
  <Placemark>
    <name><![CDATA[中南路第一网格]]></name>
    <ExtendedData>
      <Data name="网格员"><value>张三 &amp; 李四</value></Data>
      <SchemaData schemaUrl="#网格"><SimpleData name="网格编码">420106-001-01</SimpleData></SchemaData>
    </ExtendedData>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>
      114.30,30.54,0 114.31,30.54,0 114.31,30.55,0 114.30,30.54,0
    </coordinates></LinearRing></outerBoundaryIs>
    <innerBoundaryIs><LinearRing><coordinates>114.305,30.542 114.306,30.543 114.305,30.543 114.305,30.542</coordinates></LinearRing></innerBoundaryIs></Polygon>
  </Placemark>
  <Placemark><MultiGeometry>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>1,2 3,2 3,4 1,2</coordinates></LinearRing></outerBoundaryIs></Polygon>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>5,6 7,6 7,8 5,6</coordinates></LinearRing></outerBoundaryIs></Polygon>
  </MultiGeometry></Placemark>
  <Placemark><name>服务站</name><Point><coordinates>114.3,30.5,12</coordinates></Point></Placemark>
</Document></kml>`;

  it('reads placemarks with their name, extended data and geometry', async () => {
    const file = await readFeatures({ name: '网格.kml', bytes: utf8(kml) }, {});
    expect(file).toMatchObject({ crs: null, encoding: 'utf8', notes: [expect.stringContaining('WGS-84')] });
    expect(file.features).toEqual([
      {
        location: 'placemark 1 (中南路第一网格)',
        properties: { name: '中南路第一网格', 网格员: '张三 & 李四', 网格编码: '420106-001-01' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [114.3, 30.54],
              [114.31, 30.54],
              [114.31, 30.55],
              [114.3, 30.54],
            ],
            [
              [114.305, 30.542],
              [114.306, 30.543],
              [114.305, 30.543],
              [114.305, 30.542],
            ],
          ],
        },
      },
      {
        location: 'placemark 2',
        properties: {},
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [1, 2],
                [3, 2],
                [3, 4],
                [1, 2],
              ],
            ],
            [
              [
                [5, 6],
                [7, 6],
                [7, 8],
                [5, 6],
              ],
            ],
          ],
        },
      },
      {
        location: 'placemark 3 (服务站)',
        properties: { name: '服务站' },
        geometry: { type: 'Point', coordinates: [114.3, 30.5] },
      },
    ]);
  });
});
