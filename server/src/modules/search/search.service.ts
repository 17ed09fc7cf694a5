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

type Literal = ReturnType<typeof literally>;

/** How one kind of place is searched, ranked and shown. */
interface Kind<Row> {
  /** Its own names and codes: the columns searched, and ranked by. */
  fields: string[];
  values(row: Row): (string | null)[];
  find(where: object, take: number): Promise<Row[]>;
  /** What else finds it, always ranked with the rest (a grid by its community's name). */
  around?: { where: object; value(row: Row): string };
  hit(row: Row): SearchHit;
}

/**
 * How a place's own names and codes match: 0 one of them is the text ("41号楼" for 41号楼), 1 one starts
 * with it, 2 it is only inside one (141号楼) or only in the name of the community around.
 */
function tierOf(query: string, values: (string | null)[]): number {
  if (values.includes(query)) return 0;
  return values.some((value) => value?.startsWith(query)) ? 1 : 2;
}

/**
 * The best `first` places of one kind: each tier is read apart, in the kind's order, so that an exact match
 * is found however many places merely contain the text. A wildcard text has no prefix query (LIKE again):
 * its candidates are ranked instead.
 */
async function bestOfKind<Row extends { code: string }>(
  query: string,
  literal: Literal,
  first: number,
  kind: Kind<Row>,
) {
  const { fields, values, find, around } = kind;
  const [exact, prefix, contained] = await Promise.all([
    find({ OR: fields.map((field) => ({ [field]: query })) }, first),
    literal.wild ? [] : find({ OR: fields.map((field) => ({ [field]: { startsWith: query } })) }, first),
    find(
      { OR: [...fields.map(literal.on), ...(around ? [around.where] : [])] },
      literal.wild ? WILDCARD_CANDIDATES : first,
    ),
  ]);
  const rows = new Map([...exact, ...prefix, ...contained].map((row) => [row.code, row]));
  return [...rows.values()]
    .filter((row) => literal.exact(...values(row), around?.value(row)))
    .map((row) => ({ tier: tierOf(query, values(row)), hit: kind.hit(row) }));
}

/**
 * Communities, grids and buildings whose name or code holds the text: exact names and codes first, then those
 * that start with it, then the rest; within each, communities before grids before buildings.
 */
export async function search(db: Database, text: string, first: number): Promise<SearchHit[]> {
  const query = boundedText(text, 'text', 100);
  if (!query) throw badInput('Search for at least one character');
  if (first < 1 || first > 50) throw badInput('first must be between 1 and 50');
  const literal = literally(query);
  // Wildcards only: no place is named "%" or "_", and reading every place to be sure would be a cheap way to
  // make the server work.
  if (literal.parts.length === 0) return [];
  const live = (where: object) => ({ AND: [{ retiredAt: null }, where] });
  // Each `find` has its parameters typed, so that the row's type is read from what it returns.
  const kinds = await Promise.all([
    bestOfKind(query, literal, first, {
      fields: ['name', 'code', 'nameEn'],
      values: (c) => [c.name, c.code, c.nameEn],
      find: (where: object, take: number) =>
        db.community.findMany({ where: live(where), take, orderBy: { id: 'asc' } }),
      hit: (c) => ({
        kind: 'COMMUNITY',
        code: c.code,
        name: c.name,
        communityCode: c.code,
        gridCode: null,
        label: c.name,
      }),
    }),
    bestOfKind(query, literal, first, {
      fields: ['name', 'code'],
      values: (g) => [g.name, g.code],
      find: (where: object, take: number) =>
        db.grid.findMany({ where: live(where), include: { community: true }, take, orderBy: { code: 'asc' } }),
      around: { where: { community: literal.on('name') }, value: (g) => g.community.name },
      hit: (g) => ({
        kind: 'GRID',
        code: g.code,
        name: g.name,
        communityCode: g.community.code,
        gridCode: g.code,
        label: `${g.community.name} · ${g.name}`,
      }),
    }),
    bestOfKind(query, literal, first, {
      fields: ['name', 'code'],
      values: (b) => [b.name, b.code],
      find: (where: object, take: number) =>
        db.building.findMany({
          where: live(where),
          include: { grid: { include: { community: true } } },
          take,
          orderBy: { code: 'asc' },
        }),
      hit: (b) => ({
        kind: 'BUILDING',
        code: b.code,
        name: b.name,
        communityCode: b.grid.community.code,
        gridCode: b.grid.code,
        label: `${b.grid.community.name} · ${b.grid.name} · ${b.name}`,
      }),
    }),
  ]);
  return kinds
    .flat()
    .sort((a, b) => a.tier - b.tier)
    .slice(0, first)
    .map(({ hit }) => hit);
}
