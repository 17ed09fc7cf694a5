import { localDay, zonedDate } from '../../../../shared/time/buckets';

/**
 * Column and property names as sub-districts write them, Chinese or English, in any
 * case: each recognised name maps to one field of ours. `--map field=列名` adds more.
 */
export const FIELD_ALIASES = {
  code: ['code', '编码', '代码', '街道编码', '社区编码', '网格编码', '楼栋编码'],
  name: ['name', '名称', '街道名称', '社区名称', '网格名称', '楼栋名称'],
  level: ['level', '层级'],
  parent: ['parent', '上级编码', '所属街道', '所属社区', '所属网格'],
  population: ['population', '常住人口'],
  households: ['households', '户数'],
  floatingPopulation: ['floatingpopulation', '流动人口'],
  partyMembers: ['partymembers', '党员数'],
  volunteers: ['volunteers', '志愿者数'],
  areaKm2: ['areakm2', '面积'],
  asOf: ['asof', '统计日期'],
  ticket: ['ticket', 'externalid', '工单号', '工单编号', '受理编号'],
  reportedAt: ['reportedat', '来电时间', '受理时间', '上报时间', '反映时间'],
  category: ['category', '问题分类', '诉求类型', '事件类型', '类别'],
  description: ['description', '诉求内容', '问题描述', '事件描述', '内容'],
  address: ['address', '地址', '事发地址'],
  lng: ['lng', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  deadline: ['deadline', '办理时限', '处理时限', '截止时间'],
  closedAt: ['closedat', '办结时间', '结案时间'],
  status: ['status', '状态', '办理状态'],
  gridCode: ['gridcode', '网格编码', '所属网格'],
} as const;

export type Field = keyof typeof FIELD_ALIASES;

const normalise = (name: string) => name.replace(/[\s_\-（）()]/g, '').toLowerCase();

/** The field a column or property name stands for, given extra aliases from --map; null when unknown. */
export function fieldOf(name: string, extra: Partial<Record<Field, string[]>> = {}): Field | null {
  const wanted = normalise(name);
  for (const field of Object.keys(FIELD_ALIASES) as Field[]) {
    const aliases = [...FIELD_ALIASES[field], ...(extra[field] ?? [])];
    if (aliases.some((alias) => normalise(alias) === wanted)) return field;
  }
  return null;
}

/** `--map population=人口数,code=村居编码`: more names for our fields. Returns the problems of a bad mapping. */
export function parseFieldMap(text: string | undefined): { map: Partial<Record<Field, string[]>>; problems: string[] } {
  const map: Partial<Record<Field, string[]>> = {};
  const problems: string[] = [];
  for (const pair of (text ?? '').split(',').filter((p) => p.trim() && !p.includes(':'))) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!column || !(field in FIELD_ALIASES)) {
      problems.push(`--map ${pair}: say field=列名 with a field of ${Object.keys(FIELD_ALIASES).join(', ')}`);
      continue;
    }
    (map[field as Field] ??= []).push(column);
  }
  return { map, problems };
}

/** `--map category:噪音扰民=DISPUTE`: the admin's own category texts. */
export function parseCategoryMap(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (text ?? '').split(',').filter((p) => p.trim().startsWith('category:'))) {
    const [from, to] = pair.trim().slice('category:'.length).split('=');
    if (from && to) map.set(from.trim(), to.trim().toUpperCase());
  }
  return map;
}

/** Rows that total the others up, which a figures sheet carries at its foot. */
export const isTotalRow = (cells: string[]) => cells.some((c) => /^(合\s*计|总\s*计|小\s*计|total)$/i.test(c.trim()));

/**
 * A count of people or households: digits with optional thousands separators. "约12000",
 * negatives and fractions are refused with the reason, never guessed at.
 */
export function parseCount(text: string): { value: number } | { problem: string } {
  const raw = text.trim();
  if (/^(约|大约|近|超过|~)/.test(raw) || /[余多左右]$/.test(raw))
    return { problem: `"${raw}" is an estimate; give the number itself` };
  const plain = raw.replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return { problem: `"${raw}" is not a number` };
  const value = Number(plain);
  if (value < 0) return { problem: `"${raw}" is negative` };
  if (!Number.isInteger(value)) return { problem: `"${raw}" is not a whole number` };
  return { value };
}

/** An area in km²: a non-negative decimal, with optional thousands separators. */
export function parseArea(text: string): { value: number } | { problem: string } {
  const plain = text.trim().replace(/[,，\s]/g, '');
  const value = Number(plain);
  if (!plain || !Number.isFinite(value) || value < 0) return { problem: `"${text.trim()}" is not an area in km²` };
  return { value };
}

/**
 * A date or date and time as spreadsheets write them (2026-10-31, 2026/10/31 08:30,
 * 2026年10月31日), read in the calendar's time zone (TIME_ZONE): what the hotline and
 * the sub-district mean. A day that does not exist (2026-02-30) is no date.
 */
export function parseDate(text: string): Date | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text.trim());
  if (!match) return null;
  const [y, m, d, hh, mm, ss] = match.slice(1).map((part) => Number(part ?? 0));
  const date = zonedDate(y, m, d, hh, mm, ss);
  return localDay(date) === `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` ? date : null;
}
