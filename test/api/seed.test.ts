import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import facts from '../../prisma/seed/communities.json' with { type: 'json' };
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const QUERY = `{ communities {
  code name nameEn population populationAtLeast households floatingPopulation partyMembers volunteers areaKm2 source hasLocation centroid { lat lng }
  boundary generatedFields subDistrict { name }
  partyMembersByCategory { resident inService retired mobile }
  grids { code population households boundary buildings { code kind households population location { lat lng } } }
} }`;

type Community = Record<string, any>;
const value = (figure: unknown) =>
  typeof figure === 'object' && figure !== null ? (figure as { value: number }).value : figure;

describe('seed data over the API', () => {
  let communities: Community[];
  beforeAll(async () => {
    // Where buildings stand is for callers with a credential.
    const response = await server.gql<{ communities: Community[] }>(QUERY, {}, TEST_ADMIN_TOKEN);
    expect(response.errors).toBeUndefined();
    communities = response.data!.communities;
  });
  const byCode = (code: string) => communities.find((c) => c.code === code)!;

  it('loads every stated figure exactly, with its source', () => {
    expect(communities.map((c) => c.code)).toEqual(facts.communities.map((f) => f.code));
    for (const f of facts.communities as Record<string, any>[]) {
      const c = byCode(f.code);
      expect(c.name).toBe(f.name);
      expect(c.subDistrict.name).toBe(f.subDistrict);
      expect(c.source).toBe(f.source);
      expect(c.population).toBe(value(f.population));
      if (f.households !== undefined) expect(c.households).toBe(f.households);
      if (f.areaKm2 !== undefined) expect(c.areaKm2).toBe(f.areaKm2);
      expect(c.floatingPopulation).toBe(f.floatingPopulation ?? null);
      if (f.volunteers !== undefined) expect(c.volunteers).toBe(f.volunteers);
      if (typeof f.partyMembers === 'number') expect(c.partyMembers).toBe(f.partyMembers);
    }
  });

  it('states the figures of 康乐, 共和路, 新华 and 重华 as the articles give them', () => {
    expect(byCode('kangle')).toMatchObject({ population: 9050, households: 3180, partyMembers: 278 });
    expect(byCode('gonghelu')).toMatchObject({
      population: 14929,
      households: 5002,
      floatingPopulation: 7562,
      volunteers: 3681,
    });
    expect(byCode('xinhua').partyMembersByCategory).toMatchObject({ resident: 25, inService: 163 });
    expect(byCode('xinhua').partyMembers).toBe(188);
    expect(byCode('chonghua')).toMatchObject({
      population: 4000,
      populationAtLeast: true,
      households: 1037,
      partyMembers: 11,
    });
    expect(byCode('chonghua').partyMembersByCategory).toMatchObject({ resident: 6, mobile: 5 });
  });

  it('names the figures it generated, and only those', () => {
    expect(byCode('longhailu').generatedFields).toEqual(
      expect.arrayContaining(['households', 'areaKm2', 'partyMembers']),
    );
    expect(byCode('kangle').generatedFields).not.toContain('households');
    expect(byCode('gonghelu').generatedFields).not.toContain('volunteers');
  });

  it('builds 康乐 from 8 grids with 70 apartment buildings, 58 bungalows and 81 villas holding 3,180 households', () => {
    const kangle = byCode('kangle');
    expect(kangle.grids).toHaveLength(8);
    const buildings = kangle.grids.flatMap((g: Community) => g.buildings);
    const count = (kind: string) => buildings.filter((b: Community) => b.kind === kind).length;
    expect([count('APARTMENT'), count('BUNGALOW'), count('VILLA')]).toEqual([70, 58, 81]);
    expect(buildings.reduce((sum: number, b: Community) => sum + b.households, 0)).toBe(3180);
  });

  it('makes buildings and grids add up to each community', () => {
    for (const c of communities) {
      const buildings = c.grids.flatMap((g: Community) => g.buildings);
      expect(buildings.reduce((s: number, b: Community) => s + b.households, 0)).toBe(c.households);
      expect(buildings.reduce((s: number, b: Community) => s + b.population, 0)).toBe(c.population);
      for (const g of c.grids)
        expect(g.buildings.reduce((s: number, b: Community) => s + b.population, 0)).toBe(g.population);
    }
  });

  it('gives 重华 no location and no geometry, never 0,0', () => {
    const chonghua = byCode('chonghua');
    expect(chonghua).toMatchObject({ hasLocation: false, centroid: null, boundary: null });
    for (const grid of chonghua.grids) {
      expect(grid.boundary).toBeNull();
      for (const b of grid.buildings) expect(b.location).toBeNull();
    }
  });

  it('tiles each located community with grids that do not overlap and cover its area within 2 %', () => {
    for (const c of communities.filter((c) => c.hasLocation)) {
      const cells = c.grids.map((g: Community) => polygon((g.boundary as Polygon).coordinates));
      for (let i = 0; i < cells.length; i++) {
        for (let j = i + 1; j < cells.length; j++) {
          const overlap = intersect(featureCollection([cells[i], cells[j]]));
          expect(overlap ? area(overlap) : 0, `${c.code} grids ${i} and ${j}`).toBeLessThan(1);
        }
      }
      const covered = area(union(featureCollection(cells))!);
      expect(Math.abs(covered - area(c.boundary)) / area(c.boundary)).toBeLessThan(0.02);
      expect(Math.abs(covered / 1e6 - c.areaKm2) / c.areaKm2).toBeLessThan(0.02);
    }
  });

  it('places every building inside its own grid', () => {
    for (const c of communities.filter((c) => c.hasLocation)) {
      for (const g of c.grids) {
        for (const b of g.buildings)
          expect(booleanPointInPolygon([b.location.lng, b.location.lat], g.boundary), b.code).toBe(true);
      }
    }
  });
});
