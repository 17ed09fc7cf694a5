import type express from 'express';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/case/workflow';
import {
  CASE_CATEGORIES,
  CASE_SOURCES,
  STATS_DIMENSIONS,
  TIME_BUCKETS,
  type StatsDimension,
  type TimeBucket,
} from '../../../shared/enums';
import type { Language } from '../../../shared/format/number';
import { METRIC_DEFINITIONS, METRIC_TEXT, METRICS, type Metric } from '../../../shared/metrics/definitions';
import {
  BUCKET_TEXT,
  CATEGORY_TEXT,
  DIMENSION_TEXT,
  SOURCE_TEXT,
  STATUS_TEXT,
  inLanguage,
  type Bilingual,
} from '../../../shared/vocabulary';
import { canReadCaseDetail } from '../auth/viewer';
import { signInRequired } from '../auth/read-policy';
import type { Context } from '../context';
import { withDeadline } from '../db/deadline';
import { sendRefusal } from '../http-refusal';
import { badInput } from '../graphql/errors';
import { statsFor, type StatsArguments } from '../modules/metric/stats.resolver';
import { isLocalDate } from '../modules/metric/stats-query.type';
import { provenanceOf } from '../modules/metric/provenance.service';
import type { Provenance } from '../../../shared/metrics/provenance';
import { casePages, type CaseExportFilter } from '../modules/case/case.service';
import { localDateTime, writeCsv, writeXlsx, type Cell, type ColumnFormat, type ExportTable } from './table-file';

/** Words of the files, in both languages. */
const WORDS = {
  stats: { zh: '网格通 统计', en: 'GridScope statistics' },
  cases: { zh: '网格通 事件清单', en: 'GridScope cases' },
  period: { zh: '统计期间', en: 'Period' },
  to: { zh: '至', en: 'to' },
  timeZone: { zh: '时区', en: 'Time zone' },
  provenance: { zh: '数据来源', en: 'Source of the figures' },
  exported: { zh: '导出时间', en: 'Exported' },
  filter: { zh: '筛选', en: 'Filter' },
  rates: {
    zh: '比率为百分数；少于 5 件的比率不计，留空',
    en: 'Rates are percentages; a rate on fewer than 5 cases is left empty',
  },
  all: { zh: '全部', en: 'all' },
} satisfies Record<string, Bilingual>;

const KIND_WORDS: Record<Provenance['kind'], Bilingual> = {
  STATED: { zh: '报道或官方公布的数字', en: 'stated in an article or official figure' },
  IMPORTED: { zh: '导入的文件', en: 'an imported file' },
  GENERATED: { zh: '生成的演示数据', en: 'generated demonstration data' },
  COMPUTED: { zh: '由事件记录计算', en: 'computed from case records' },
};

/** The filters of the cases list, as the file states them. */
const FILTER_WORDS: Record<keyof CaseExportFilter, Bilingual> = {
  communityCode: { zh: '社区', en: 'Community' },
  gridCode: { zh: '网格', en: 'Grid' },
  status: { zh: '状态', en: 'Status' },
  category: { zh: '类别', en: 'Category' },
  open: { zh: '仅未结', en: 'Open only' },
  overdue: { zh: '仅超期', en: 'Overdue only' },
  fromDay: { zh: '上报日期自', en: 'Reported from' },
  toDay: { zh: '上报日期至', en: 'Reported to' },
};

const CASE_COLUMNS = [
  ['编号', 'Code', 'text'],
  ['类别', 'Category', 'text'],
  ['来源', 'Source', 'text'],
  ['状态', 'Status', 'text'],
  ['社区', 'Community', 'text'],
  ['网格', 'Grid', 'text'],
  ['上报时间', 'Reported', 'datetime'],
  ['立案时间', 'Accepted', 'datetime'],
  ['处置时限', 'Deadline', 'datetime'],
  ['结案时间', 'Closed', 'datetime'],
  ['超期天数', 'Days overdue', 'decimal'],
  ['延期', 'Extended', 'text'],
  ['返工次数', 'Reworks', 'integer'],
  ['12345 工单号', '12345 ticket', 'text'],
  ['描述', 'Description', 'text'],
  ['生成的演示数据', 'Generated', 'text'],
] as const satisfies readonly (readonly [string, string, ColumnFormat])[];

type Query = Record<string, unknown>;

function text(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badInput(`${name} appears more than once; give it once, comma-separated`);
  return value;
}

/** A comma-separated list of words from a vocabulary. */
function listOf<T extends string>(query: Query, name: string, allowed: readonly T[]): T[] | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length)
    throw badInput(
      `${name}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of ${allowed.join(', ')}`,
    );
  return items as T[];
}

const codes = (query: Query, name: string) =>
  text(query, name)
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);

function flag(query: Query, name: string): boolean | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw badInput(`${name} must be true or false`);
  return value === 'true';
}

function date(query: Query, name: string, required: boolean): string | undefined {
  const value = text(query, name);
  if (value === undefined && required) throw badInput(`${name} is missing: a date, YYYY-MM-DD`);
  if (value !== undefined && !isLocalDate(value))
    throw badInput(`${name} must be a date written YYYY-MM-DD, not "${value}"`);
  return value;
}

function languageOf(query: Query): Language {
  const lang = text(query, 'lang') ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw badInput('lang must be zh-CN or en');
  return lang;
}

/** The query string of an export as the arguments of `stats`: the same names, lists comma-separated. */
export function statsArgumentsOf(query: Query): StatsArguments {
  const measures = listOf(query, 'measures', METRICS);
  if (!measures?.length) throw badInput(`measures is missing: one or more of ${METRICS.join(', ')}`);
  const dimensions = listOf(query, 'dimensions', STATS_DIMENSIONS) ?? [];
  const sortNames = codes(query, 'sort') ?? [];
  const sort = sortNames.map((name) => {
    const key = name.replace(/^-/, '');
    const descending = name.startsWith('-');
    if ((METRICS as readonly string[]).includes(key)) return { measure: key as Metric, descending };
    if ((STATS_DIMENSIONS as readonly string[]).includes(key)) return { dimension: key as StatsDimension, descending };
    throw badInput(`sort: ${key} is neither a measure nor a dimension (write -NAME for descending)`);
  });
  const first = text(query, 'first');
  if (first !== undefined && !/^\d+$/.test(first)) throw badInput('first must be a whole number');
  return {
    measures,
    dimensions,
    period: { from: date(query, 'from', true)!, to: date(query, 'to', true)! },
    bucket: listOf(query, 'bucket', TIME_BUCKETS)?.[0] as TimeBucket | undefined,
    sort,
    first: first === undefined ? null : Number(first),
    language: languageOf(query),
    filter: {
      subDistrictCodes: codes(query, 'subDistricts'),
      communityCodes: codes(query, 'communities'),
      gridCodes: codes(query, 'grids'),
      gridWorkers: codes(query, 'gridWorkers'),
      categories: listOf(query, 'categories', CASE_CATEGORIES),
      sources: listOf(query, 'sources', CASE_SOURCES),
      statuses: listOf(query, 'statuses', CASE_STATUSES) as CaseStatus[] | undefined,
      overdue: flag(query, 'overdue'),
      closedLate: flag(query, 'closedLate'),
    },
  };
}

/** The provenance line of a file: what kinds of figures it holds, and whether generated ones are among them. */
function provenanceLine(parts: (Provenance | null)[], language: Language): string {
  const kinds = [...new Set(parts.filter((p): p is Provenance => p !== null).map((p) => p.kind))];
  const generated = parts.some((p) => p?.restsOnGenerated);
  const listed = kinds.map((k) => inLanguage(KIND_WORDS[k], language)).join(language === 'en' ? '; ' : '；');
  if (!generated || kinds.every((k) => k === 'GENERATED')) return listed;
  return language === 'en' ? `${listed} (partly on generated data)` : `${listed}（部分为生成的演示数据）`;
}

async function statsTable(ctx: Context, args: StatsArguments): Promise<ExportTable> {
  const language = args.language ?? 'zh-CN';
  const answer = await withDeadline(ctx.config.timeoutSeconds, () => statsFor(ctx, args));
  const places = { communityCodes: args.filter?.communityCodes, gridCodes: args.filter?.gridCodes };
  const sources = await Promise.all(args.measures.map((metric) => provenanceOf(ctx, metric, places)));
  const dimensions = args.dimensions ?? [];
  return {
    title: inLanguage(WORDS.stats, language),
    about: [
      [inLanguage(WORDS.period, language), `${args.period.from} ${inLanguage(WORDS.to, language)} ${args.period.to}`],
      [inLanguage(WORDS.timeZone, language), ctx.config.timeZone],
      [inLanguage(WORDS.provenance, language), provenanceLine(sources, language)],
      [inLanguage(WORDS.exported, language), localDateTime(new Date())],
      ['', inLanguage(WORDS.rates, language)],
    ],
    columns: [
      ...dimensions.map((d) => ({
        header: inLanguage(d === 'TIME' ? BUCKET_TEXT[args.bucket!] : DIMENSION_TEXT[d], language),
        format: 'text' as const,
      })),
      ...args.measures.map((m) => ({
        header: inLanguage(METRIC_TEXT[m].name, language),
        format: columnFormat(m),
      })),
    ],
    rows: (async function* () {
      for (const row of answer.rows) yield [...row.keys.map((k) => k.label), ...row.values.map((v) => v.value)];
    })(),
  };
}

function columnFormat(metric: Metric): ColumnFormat {
  const { unit } = METRIC_DEFINITIONS[metric];
  if (unit === 'ratio') return 'percent';
  return unit === 'hours' || unit === 'score' || unit === 'perKm2' ? 'decimal' : 'integer';
}

function caseFilterOf(query: Query): CaseExportFilter {
  const from = date(query, 'from', false);
  const to = date(query, 'to', false);
  return {
    communityCode: text(query, 'community'),
    gridCode: text(query, 'grid'),
    status: listOf(query, 'statuses', CASE_STATUSES) as CaseStatus[] | undefined,
    category: listOf(query, 'categories', CASE_CATEGORIES),
    open: flag(query, 'open'),
    overdue: flag(query, 'overdue'),
    fromDay: from,
    toDay: to,
  };
}

async function casesTable(ctx: Context, query: Query): Promise<ExportTable> {
  const language = languageOf(query);
  const filter = caseFilterOf(query);
  const now = new Date();
  const label = <K extends string>(words: Record<K, Bilingual>, key: string) =>
    words[key as K] ? inLanguage(words[key as K], language) : key;
  const yes = language === 'en' ? 'yes' : '是';
  const pages = await casePages(ctx.db, filter);
  const described = (Object.entries(filter) as [keyof CaseExportFilter, unknown][])
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      const words: Record<string, Bilingual> | null =
        name === 'category' ? CATEGORY_TEXT : name === 'status' ? STATUS_TEXT : null;
      const items = Array.isArray(value) ? value.map((v) => (words ? label(words, v) : v)) : null;
      const shown = value === true ? yes : items ? items.join(language === 'en' ? ', ' : '、') : String(value);
      return `${inLanguage(FILTER_WORDS[name], language)}: ${shown}`;
    })
    .join(language === 'en' ? '; ' : '；');
  return {
    title: inLanguage(WORDS.cases, language),
    about: [
      [inLanguage(WORDS.filter, language), described || inLanguage(WORDS.all, language)],
      [inLanguage(WORDS.timeZone, language), ctx.config.timeZone],
      [inLanguage(WORDS.exported, language), localDateTime(now)],
    ],
    columns: CASE_COLUMNS.map(([zh, en, format]) => ({ header: language === 'en' ? en : zh, format })),
    rows: (async function* () {
      for await (const page of pages)
        for (const c of page) {
          const place = {
            gridCode: c.grid.code,
            communityCode: c.community.code,
            subDistrictCode: c.community.subDistrict.code,
          };
          const end = c.closedAt ?? now;
          const overdueDays =
            end > c.deadline ? Math.round(((end.getTime() - c.deadline.getTime()) / 86_400_000) * 10) / 10 : null;
          yield [
            c.code,
            label(CATEGORY_TEXT, c.category),
            label(SOURCE_TEXT, c.source),
            label(STATUS_TEXT, c.status),
            language === 'en' ? c.community.nameEn || c.community.name : c.community.name,
            c.grid.name,
            c.reportedAt,
            c.acceptedAt,
            c.deadline,
            c.closedAt,
            overdueDays,
            c.extendedAt ? yes : '',
            c.reworks,
            c.externalId,
            canReadCaseDetail(ctx.viewer, place) ? c.description : null,
            c.generated ? yes : '',
          ] satisfies Cell[];
        }
    })(),
  };
}

/**
 * GET /api/export.csv and /api/export.xlsx: a `stats` answer (the same parameters in the
 * query string: measures=CLOSURE_RATE,ON_TIME_RATE&dimensions=COMMUNITY&from=…&to=…) or,
 * with table=cases, the cases list; for whoever the request's session or token says, with
 * the same rules as GraphQL. The file names its period, time zone and the source of its figures.
 */
export function exportRoute(contextOf: (req: express.Request, res: express.Response) => Promise<Context>) {
  return async (req: express.Request, res: express.Response) => {
    const format = req.path.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const query = req.query as Query;
    let table: ExportTable;
    let name: string;
    try {
      const ctx = await contextOf(req, res);
      if (ctx.viewer.role === 'PUBLIC' && !ctx.config.publicDashboard) throw signInRequired();
      if (text(query, 'table') === 'cases') {
        table = await casesTable(ctx, query);
        name = `cases-${localDateTime(new Date()).slice(0, 10)}`;
      } else {
        const args = statsArgumentsOf(query);
        table = await statsTable(ctx, args);
        name = `stats-${args.period.from}-${args.period.to}`;
      }
    } catch (error) {
      if (sendRefusal(res, error)) return;
      throw error;
    }
    const file = `gridscope-${name}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.type(
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await (format === 'csv' ? writeCsv(table, res) : writeXlsx(table, res));
  };
}
