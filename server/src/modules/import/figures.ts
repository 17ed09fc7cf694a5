import type { Database, Transaction } from '../../db/client';
import { localDay, zonedDate } from '../../../../shared/time/buckets';
import { parseArea, parseCount, parseDate, type Field } from './fields';
import type { Findings } from './report';
import type { Sheet } from './sheet';

/** The figures a sheet may set, and the places that have a column for each. */
const FIGURES = {
  population: ['COMMUNITY', 'GRID'],
  households: ['COMMUNITY', 'GRID'],
  floatingPopulation: ['COMMUNITY'],
  volunteers: ['COMMUNITY'],
  areaKm2: ['COMMUNITY', 'GRID'],
} as const satisfies Partial<Record<Field, readonly string[]>>;
type Figure = keyof typeof FIGURES;

export interface FigureUpdate {
  location: string;
  rowNumber: number;
  level: 'COMMUNITY' | 'GRID';
  code: string;
  values: Partial<Record<Figure, number>>;
  asOf: Date;
}

export interface FigurePlan {
  updates: FigureUpdate[];
  unchanged: number;
}

/** 示范街道各社区基本情况统计表（2026年10月）: the month a title names, as its last day. */
function titleDate(titles: string[]): Date | null {
  for (const title of titles) {
    const match = /(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(title);
    if (match) return zonedDate(+match[1], +match[2] + 1, 0);
  }
  return null;
}

/**
 * Match each row to a community or grid by code (or exact name), parse its figures, and
 * compare them with the database. Every unreadable cell and unknown place is a problem.
 */
export async function planFigures(
  db: Database,
  sheet: Sheet,
  asOfOption: Date | null,
  findings: Findings,
): Promise<FigurePlan> {
  const [communities, grids] = await Promise.all([
    db.community.findMany({
      select: {
        code: true,
        name: true,
        population: true,
        households: true,
        floatingPopulation: true,
        volunteers: true,
        areaKm2: true,
      },
    }),
    db.grid.findMany({ select: { code: true, name: true, population: true, households: true, areaKm2: true } }),
  ]);
  const places = [
    ...communities.map((c) => ({ ...c, level: 'COMMUNITY' as const })),
    ...grids.map((g) => ({ ...g, level: 'GRID' as const, floatingPopulation: null, volunteers: null })),
  ];
  const byCode = new Map(places.map((p) => [p.code, p]));
  const fallbackAsOf = asOfOption ?? titleDate(sheet.titles);
  if (!asOfOption && fallbackAsOf) findings.note(`As-of date ${localDay(fallbackAsOf)}, from the title`);
  if (sheet.fields.includes('partyMembers'))
    findings.note('党员数 (party members) is counted from the party organisations, not imported from the sheet');
  const updates: FigureUpdate[] = [];
  let unchanged = 0;
  for (const record of sheet.records) {
    const { code, name } = record.values;
    const matches = code ? [byCode.get(code)].filter(Boolean) : places.filter((p) => p.name === name);
    const place = matches[0];
    if (matches.length !== 1 || !place) {
      findings.problem(
        record.location,
        code ? 'code' : 'name',
        matches.length > 1
          ? `"${name}" names ${matches.length} places: give the code`
          : `No community or grid "${code ?? name}"`,
      );
      continue;
    }
    const values: Partial<Record<Figure, number>> = {};
    for (const figure of Object.keys(FIGURES) as Figure[]) {
      const text = record.values[figure];
      if (text === undefined) continue;
      if (!(FIGURES[figure] as readonly string[]).includes(place.level)) {
        findings.note(`${record.location}: ${figure} is not kept for a grid, not imported`);
        continue;
      }
      const parsed = figure === 'areaKm2' ? parseArea(text) : parseCount(text);
      if ('problem' in parsed) findings.problem(record.location, figure, parsed.problem);
      else values[figure] = parsed.value;
    }
    const stated = record.values.asOf ? parseDate(record.values.asOf) : null;
    if (record.values.asOf && !stated)
      findings.problem(record.location, 'asOf', `"${record.values.asOf}" is not a date`);
    const asOf = stated ?? fallbackAsOf ?? new Date();
    const same = (Object.keys(values) as Figure[]).every((f) => place[f] === values[f]);
    if (same) unchanged++;
    else
      updates.push({
        location: record.location,
        rowNumber: record.rowNumber,
        level: place.level,
        code: place.code,
        values,
        asOf,
      });
  }
  if (!fallbackAsOf && !sheet.fields.includes('asOf'))
    findings.note('No as-of date in the file or --as-of: taken as today');
  return { updates, unchanged };
}

/** Write the changed figures and where each came from, inside the caller's transaction. */
export async function writeFigures(
  tx: Transaction,
  plan: FigurePlan,
  source: { file: string; sheet: string | null; importedBy: string },
): Promise<void> {
  for (const update of plan.updates) {
    if (update.level === 'COMMUNITY') {
      // An imported figure is stated, exact: no longer generated, no longer "at least" (4000余).
      const before = await tx.community.findUniqueOrThrow({ where: { code: update.code } });
      const generated = (JSON.parse(before.generatedFields) as string[]).filter((f) => !(f in update.values));
      await tx.community.update({
        where: { code: update.code },
        data: {
          ...update.values,
          generatedFields: JSON.stringify(generated),
          ...('population' in update.values ? { populationAtLeast: false } : {}),
        },
      });
    } else await tx.grid.update({ where: { code: update.code }, data: update.values });
    for (const field of Object.keys(update.values)) {
      const provenance = { ...source, row: update.rowNumber, asOf: update.asOf, importedAt: new Date() };
      await tx.figureSource.upsert({
        where: { placeCode_field: { placeCode: update.code, field } },
        create: { placeCode: update.code, field, ...provenance },
        update: provenance,
      });
    }
  }
}
