import type { Database } from '../../db/client';
import { badInput } from '../../graphql/errors';
import { boundedText } from '../../graphql/input-bounds';

export interface SearchHit {
  kind: 'COMMUNITY' | 'GRID' | 'BUILDING';
  code: string;
  name: string;
  communityCode: string;
  gridCode: string | null;
  label: string;
}

/** Communities, grids and buildings whose name or code contains the text; communities first. */
export async function search(db: Database, text: string, first: number): Promise<SearchHit[]> {
  const query = boundedText(text, 'text', 100);
  if (!query) throw badInput('Search for at least one character');
  if (first < 1 || first > 50) throw badInput('first must be between 1 and 50');
  const matches = { OR: [{ name: { contains: query } }, { code: { contains: query } }] };
  const [communities, grids, buildings] = await Promise.all([
    db.community.findMany({
      where: { retiredAt: null, OR: [...matches.OR, { nameEn: { contains: query } }] },
      take: first,
      orderBy: { id: 'asc' },
    }),
    db.grid.findMany({
      where: { retiredAt: null, OR: [...matches.OR, { community: { name: { contains: query } } }] },
      include: { community: true },
      take: first,
      orderBy: { code: 'asc' },
    }),
    db.building.findMany({
      where: { retiredAt: null, ...matches },
      include: { grid: { include: { community: true } } },
      take: first,
      orderBy: { code: 'asc' },
    }),
  ]);
  return [
    ...communities.map((c) => ({
      kind: 'COMMUNITY' as const,
      code: c.code,
      name: c.name,
      communityCode: c.code,
      gridCode: null,
      label: c.name,
    })),
    ...grids.map((g) => ({
      kind: 'GRID' as const,
      code: g.code,
      name: g.name,
      communityCode: g.community.code,
      gridCode: g.code,
      label: `${g.community.name} · ${g.name}`,
    })),
    ...buildings.map((b) => ({
      kind: 'BUILDING' as const,
      code: b.code,
      name: b.name,
      communityCode: b.grid.community.code,
      gridCode: b.grid.code,
      label: `${b.grid.community.name} · ${b.grid.name} · ${b.name}`,
    })),
  ].slice(0, first);
}
