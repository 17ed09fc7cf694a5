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

/** Rows read per kind when the text holds a LIKE wildcard, to find `first` exact matches among. */
const WILDCARD_CANDIDATES = 500;

/**
 * The text as a `contains` filter that means the text itself. Prisma passes % and _ to
 * LIKE as wildcards (and SQLite's LIKE has no escape character), so a text with them is
 * searched by the parts between them, and `exact` keeps the rows that hold the whole text.
 */
function literally(query: string) {
  const parts = query.split(/[%_\\]/).filter(Boolean);
  const wild = parts.length !== 1 || parts[0] !== query;
  return {
    parts,
    wild,
    on: (field: string) => ({ AND: parts.map((part) => ({ [field]: { contains: part } })) }),
    exact: (...values: (string | null | undefined)[]) => !wild || values.some((value) => value?.includes(query)),
  };
}

/** Communities, grids and buildings whose name or code contains the text; communities first. */
export async function search(db: Database, text: string, first: number): Promise<SearchHit[]> {
  const query = boundedText(text, 'text', 100);
  if (!query) throw badInput('Search for at least one character');
  if (first < 1 || first > 50) throw badInput('first must be between 1 and 50');
  const literal = literally(query);
  // Wildcards only: no place is named "%" or "_", and reading every place to be sure would be a cheap way to
  // make the server work.
  if (literal.parts.length === 0) return [];
  const take = literal.wild ? WILDCARD_CANDIDATES : first;
  const [communities, grids, buildings] = await Promise.all([
    db.community
      .findMany({
        where: { retiredAt: null, OR: [literal.on('name'), literal.on('code'), literal.on('nameEn')] },
        take,
        orderBy: { id: 'asc' },
      })
      .then((rows) => rows.filter((c) => literal.exact(c.name, c.code, c.nameEn))),
    db.grid
      .findMany({
        where: { retiredAt: null, OR: [literal.on('name'), literal.on('code'), { community: literal.on('name') }] },
        include: { community: true },
        take,
        orderBy: { code: 'asc' },
      })
      .then((rows) => rows.filter((g) => literal.exact(g.name, g.code, g.community.name))),
    db.building
      .findMany({
        where: { retiredAt: null, OR: [literal.on('name'), literal.on('code')] },
        include: { grid: { include: { community: true } } },
        take,
        orderBy: { code: 'asc' },
      })
      .then((rows) => rows.filter((b) => literal.exact(b.name, b.code))),
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
