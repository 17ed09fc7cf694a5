import { dataChanged } from '../../db/answers';
import type { Database } from '../../db/client';
import { badInput, notFound } from '../../graphql/errors';
import type { LiveEvents } from '../../live/live-events';
import { markPlacesChanged } from '../map/boundary.service';
import { planBoundaries, type BoundaryPlan } from './boundaries';
import { planCases, writeCases, type CasePlan } from './cases';
import { chooseTransform } from './coordinates';
import { parseCategoryMap, parseDate, parseFieldMap } from './fields';
import { planFigures, writeFigures, type FigurePlan } from './figures';
import {
  Findings,
  IMPORT_KINDS,
  type ImportKind,
  type ImportProgress,
  type ImportReport,
  type PreviewProperties,
} from './report';
import { readFeatures } from './readers/features';
import { readTable } from './readers/table';
import { ReadError, type Encoding, type InputFile } from './readers/types';
import { readSheet } from './sheet';
import { writePlaces } from './write-places';

export { IMPORT_KINDS, type ImportKind, type ImportProgress, type ImportReport } from './report';
export type { InputFile } from './readers/types';

/** What `npm run import`, POST /api/imports and /admin/import all ask for. */
export interface ImportRequest {
  files: InputFile[];
  kind?: ImportKind;
  crs?: string;
  encoding?: Encoding;
  sheet?: string;
  /** `field=列名,…` and `category:文本=CATEGORY,…` */
  map?: string;
  /** YYYY-MM-DD: when the figures were counted, or from when changed boundaries hold. Default today. */
  asOf?: string;
  dryRun: boolean;
  /** Who imports: an account's username, a token's name, or "cli". */
  actor: string;
  /** Add the places in WGS-84 to the report, for a map. */
  preview?: boolean;
}

const FEATURE_FILE = /\.(geojson|json|zip|kml|shp)$/i;
const TABLE_FILE = /\.(csv|tsv|txt|xlsx|xls)$/i;

type Plan =
  | { kind: 'boundaries'; plan: BoundaryPlan; file: string }
  | { kind: 'figures'; plan: FigurePlan; file: string; sheet: string | null }
  | { kind: 'cases'; plan: CasePlan; file: string };

/**
 * Read, check and (unless it is a dry run) write one import. Every problem of every file
 * is listed; with any problem, nothing is written. The writes of all files happen in one
 * transaction, so rollups, search and the walls see the whole import or none of it.
 */
export async function runImport(
  db: Database,
  live: LiveEvents,
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportReport> {
  const findings = new Findings();
  const { map: fieldMap, problems: mapProblems } = parseFieldMap(request.map);
  for (const problem of mapProblems) findings.problem('--map', null, problem);
  const asOf = request.asOf ? parseDate(request.asOf) : new Date();
  if (!asOf) findings.problem('--as-of', null, `"${request.asOf}" is not a date (YYYY-MM-DD)`);
  if (request.kind && !IMPORT_KINDS.includes(request.kind))
    findings.problem('--kind', null, `--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  if (!request.files.length) findings.problem('files', null, 'No file to import');

  const plans: Plan[] = [];
  for (const [index, file] of request.files.entries()) {
    onProgress({ phase: 'reading', done: index, total: request.files.length });
    try {
      const plan = await planFile(db, file, request, fieldMap, asOf, findings);
      if (plan) plans.push(plan);
      onProgress({ phase: 'checking', done: index + 1, total: request.files.length });
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      findings.problem(`${file.name}${error.location ? ` ${error.location}` : ''}`, null, error.message);
    }
  }
  const kinds = [...new Set(plans.map((p) => p.kind))];
  if (kinds.length > 1) findings.problem('files', null, `Import one kind at a time, not ${kinds.join(' and ')}`);
  const counts = plans.reduce(
    (sum, p) => {
      const changed = 'created' in p.plan ? p.plan.created.length : 0;
      const updated = 'updates' in p.plan ? p.plan.updates.length : p.plan.updated.length;
      return {
        created: sum.created + changed,
        updated: sum.updated + updated,
        unchanged: sum.unchanged + p.plan.unchanged,
      };
    },
    { created: 0, updated: 0, unchanged: 0 },
  );
  const ok = findings.problems.length === 0;
  const retiring = plans.some((p) => p.kind === 'boundaries' && p.plan.retired.length);
  if (ok && !request.dryRun && (counts.created + counts.updated > 0 || retiring)) {
    const grids = await writeAll(db, plans, request, asOf!, onProgress, counts.created + counts.updated);
    // Figures and boundaries change aggregates too, though no grid's live update says so.
    dataChanged(db);
    for (const grid of grids) await live.publish({ kind: 'CASE_REPORTED', ...grid, at: new Date() });
  }
  onProgress({ phase: 'done', done: counts.created + counts.updated, total: counts.created + counts.updated });
  return {
    ok,
    dryRun: request.dryRun,
    kind: kinds.length === 1 ? kinds[0] : (request.kind ?? null),
    ...(ok ? counts : { created: 0, updated: 0, unchanged: 0 }),
    retired: ok ? plans.reduce((sum, p) => sum + (p.kind === 'boundaries' ? p.plan.retired.length : 0), 0) : 0,
    notes: findings.notes,
    problems: findings.problems,
    ...(request.preview ? { preview: previewOf(plans) } : {}),
  };
}

/** The places and cases of the plans as GeoJSON, marked with what the import does to each. */
function previewOf(plans: Plan[]): NonNullable<ImportReport['preview']> {
  const features: NonNullable<ImportReport['preview']>['features'] = [];
  for (const { kind, plan } of plans) {
    if (kind === 'figures') continue;
    const created = new Set<object>(plan.created);
    const updated = new Set<object>(plan.updated);
    const changeOf = (item: object): PreviewProperties['change'] =>
      created.has(item) ? 'created' : updated.has(item) ? 'updated' : 'unchanged';
    if (kind === 'boundaries')
      for (const draft of plan.drafts.filter((d) => d.geometry))
        features.push({
          type: 'Feature',
          geometry: draft.geometry!,
          properties: { code: draft.code, name: draft.name, level: draft.level, change: changeOf(draft) },
        });
    else
      for (const draft of [...plan.created, ...plan.updated].filter((d) => d.lng !== null))
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [draft.lng!, draft.lat!] },
          properties: { code: draft.externalId, name: draft.description, level: 'CASE', change: changeOf(draft) },
        });
  }
  return { type: 'FeatureCollection', features };
}

/** Read one file and plan what it would change; null when it cannot be read far enough to plan. */
async function planFile(
  db: Database,
  file: InputFile,
  request: ImportRequest,
  fieldMap: ReturnType<typeof parseFieldMap>['map'],
  asOf: Date | null,
  findings: Findings,
): Promise<Plan | null> {
  const kind = request.kind ?? (FEATURE_FILE.test(file.name) ? 'boundaries' : null);
  if (kind === 'boundaries') {
    const features = await readFeatures(file, { encoding: request.encoding });
    for (const note of features.notes) findings.note(`${file.name}: ${note}`);
    return { kind: 'boundaries', plan: await planBoundaries(db, features, request.crs, findings), file: file.name };
  }
  if (!TABLE_FILE.test(file.name))
    throw new ReadError('', 'Not a file this importer reads: GeoJSON, zipped Shapefile, KML, CSV or XLSX');
  const table = await readTable(file, { encoding: request.encoding, sheet: request.sheet });
  for (const note of table.notes) findings.note(`${file.name}: ${note}`);
  const sheet = readSheet(table, fieldMap, findings);
  if (!sheet) return null;
  const looksLikeCases = sheet.fields.includes('ticket') || sheet.fields.includes('reportedAt');
  if ((kind ?? (looksLikeCases ? 'cases' : 'figures')) === 'cases') {
    const transform = chooseTransform(request.crs, null);
    if (typeof transform === 'string') {
      findings.problem('--crs', null, transform);
      return null;
    }
    const plan = await planCases(
      db,
      sheet,
      transform ?? { label: 'WGS-84', apply: (p) => p },
      parseCategoryMap(request.map),
      findings,
    );
    return { kind: 'cases', plan, file: file.name };
  }
  const plan = await planFigures(db, sheet, request.asOf ? asOf : null, findings);
  return { kind: 'figures', plan, file: file.name, sheet: table.sheet };
}

/** All writes in one transaction; returns the grids whose cases changed, for the live walls. */
async function writeAll(
  db: Database,
  plans: Plan[],
  request: ImportRequest,
  asOf: Date,
  onProgress: (progress: ImportProgress) => void,
  total: number,
) {
  let before = 0;
  const progress = (done: number) => onProgress({ phase: 'writing', done: before + done, total });
  const touched = new Set<number>();
  await db.$transaction(
    async (tx) => {
      for (const plan of plans) {
        const source = `${plan.file}, imported by ${request.actor}`;
        if (plan.kind === 'boundaries') await writePlaces(tx, plan.plan, asOf, source, progress);
        if (plan.kind === 'figures')
          await writeFigures(tx, plan.plan, { file: plan.file, sheet: plan.sheet, importedBy: request.actor });
        if (plan.kind === 'cases') {
          await writeCases(tx, plan.plan, request.actor, progress);
          for (const c of [...plan.plan.created, ...plan.plan.updated]) touched.add(c.gridId);
        }
        before +=
          'updates' in plan.plan ? plan.plan.updates.length : plan.plan.created.length + plan.plan.updated.length;
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  const grids = await db.grid.findMany({
    where: { id: { in: [...touched] } },
    select: { code: true, community: { select: { code: true, subDistrict: { select: { code: true } } } } },
  });
  return grids.map((g) => ({
    gridCode: g.code,
    communityCode: g.community.code,
    subDistrictCode: g.community.subDistrict.code,
  }));
}

const LEVEL_WORDS = { SUB_DISTRICT: '街道', COMMUNITY: '社区', GRID: '网格', BUILDING: '楼栋' } as const;

/**
 * One place, from the admin's form or an integration: the same checks as a file, as a
 * one-feature import, so a single grid can be fixed without one. Throws BAD_USER_INPUT
 * naming every problem; returns what changed.
 */
export async function upsertPlace(
  db: Database,
  live: LiveEvents,
  place: {
    level: string;
    code: string;
    name: string;
    parentCode?: string | null;
    boundary?: unknown;
    crs?: string | null;
    asOf?: string | null;
  },
  actor: string,
): Promise<{ code: string; change: string }> {
  if (!(place.level in LEVEL_WORDS)) throw badInput(`level must be one of ${Object.keys(LEVEL_WORDS).join(', ')}`);
  const properties = {
    code: place.code,
    name: place.name,
    level: LEVEL_WORDS[place.level as keyof typeof LEVEL_WORDS],
    ...(place.parentCode ? { parent: place.parentCode } : {}),
  };
  const feature = { type: 'Feature', properties, geometry: place.boundary ?? null };
  const report = await runImport(db, live, {
    files: [
      {
        name: 'upsertPlace.geojson',
        bytes: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [feature] })),
      },
    ],
    kind: 'boundaries',
    crs: place.crs ?? 'wgs84',
    asOf: place.asOf ?? undefined,
    dryRun: false,
    actor,
  });
  if (!report.ok)
    throw badInput(report.problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`).join('; '), {
      problems: report.problems,
    });
  return { code: place.code, change: report.created ? 'created' : report.updated ? 'updated' : 'unchanged' };
}

/** Retire a community, grid or building from `asOf` (default today): hidden from lists and maps, kept with its history. */
export async function retirePlace(
  db: Database,
  code: string,
  asOf: string | null,
): Promise<{ code: string; change: string }> {
  const at = asOf ? parseDate(asOf) : new Date();
  if (!at) throw badInput(`"${asOf}" is not a date (YYYY-MM-DD)`);
  const [community, grid, building] = await Promise.all([
    db.community.findUnique({ where: { code } }),
    db.grid.findUnique({ where: { code } }),
    db.building.findUnique({ where: { code } }),
  ]);
  if (!community && !grid && !building) throw notFound(`Community, grid or building "${code}"`);
  await db.$transaction(async (tx) => {
    if (building) await tx.building.update({ where: { code }, data: { retiredAt: at } });
    const level = community ? 'COMMUNITY' : 'GRID';
    if (community) await tx.community.update({ where: { code }, data: { retiredAt: at } });
    if (grid) await tx.grid.update({ where: { code }, data: { retiredAt: at } });
    if (community || grid)
      await tx.boundaryVersion.updateMany({ where: { level, code, validTo: null }, data: { validTo: at } });
    await markPlacesChanged(tx);
  });
  dataChanged(db);
  return { code, change: 'retired' };
}
