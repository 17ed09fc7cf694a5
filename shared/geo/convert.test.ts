import { describe, expect, it } from 'vitest';
import { convertGeometry, convertPosition } from './convert';

const CENTROIDS = [
  [114.26, 34.8],
  [112.975, 34.755],
  [126.99, 46.64],
  [104.088, 30.638],
];

describe('coordinate conversion', () => {
  it('moves WGS-84 points by a few hundred metres into GCJ-02 and back', () => {
    for (const point of CENTROIDS) {
      const gcj = convertPosition(point, 'WGS84', 'GCJ02');
      const shift = Math.hypot(gcj[0] - point[0], gcj[1] - point[1]);
      expect(shift).toBeGreaterThan(0.001);
      expect(shift).toBeLessThan(0.01);
      const back = convertPosition(gcj, 'GCJ02', 'WGS84');
      expect(back[0]).toBeCloseTo(point[0], 5);
      expect(back[1]).toBeCloseTo(point[1], 5);
    }
  });

  it('converts every vertex of a polygon', () => {
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [114.25, 34.79],
          [114.27, 34.79],
          [114.27, 34.81],
          [114.25, 34.79],
        ],
      ],
    };
    const converted = convertGeometry(polygon, 'WGS84', 'GCJ02');
    expect(converted.coordinates[0]).toHaveLength(4);
    expect(converted.coordinates[0][0]).toEqual(convertPosition([114.25, 34.79], 'WGS84', 'GCJ02'));
  });
});
