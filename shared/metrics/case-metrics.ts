import { rate, type RateValue } from './rates';

/**
 * The case figures that city management offices publish every month (月度通报), as the
 * assessment rules built on GB/T 30428 define them. A period runs from `start` to
 * `end` (exclusive), local midnights in the calendar's time zone; a case's state is
 * taken as it stood at the period's end, so a past month's figures do not change when
 * its cases close later.
 */
export interface CaseRecord {
  /** 立案: when the case was accepted; null while it waits, and for a rejected report. */
  acceptedAt: Date | null;
  closedAt: Date | null;
  /** The deadline in force (an approved extension moves it). */
  deadline: Date;
  /** 缓办: when a postponement was first approved, if ever. */
  postponedAt: Date | null;
  /** 延期: when an extension of the deadline was first approved, if ever. */
  extendedAt: Date | null;
  /** Times verification sent the case back to handling (返工). */
  reworks: number;
}

export interface CasePeriod {
  start: Date;
  end: Date;
}

/** The counts the published rates are built from, for one scope and period. */
export interface CaseCounts {
  /** 立案数: cases accepted in the period. */
  accepted: number;
  /** 应结案数: of those, all but the ones still open at the period's end whose deadline lies after it. */
  due: number;
  /** 结案数: of those due, the ones closed by the period's end. */
  closed: number;
  /** 按期结案数: of those closed, the ones closed by their deadline. */
  closedOnTime: number;
  /** 缓办数: of those due and still open at the period's end, the ones postponed with approval. */
  postponed: number;
  /** 返工数: of those closed, the ones verification sent back to handling at least once. */
  reworked: number;
  /** 延期数: of those accepted, the ones whose deadline was extended with approval by the period's end. */
  extended: number;
}

const before = (at: Date | null, end: Date) => at !== null && at < end;

/** The published counts of the cases accepted in the period, each as the doc comments of CaseCounts say. */
export function caseCounts(cases: Iterable<CaseRecord>, period: CasePeriod): CaseCounts {
  const counts: CaseCounts = {
    accepted: 0,
    due: 0,
    closed: 0,
    closedOnTime: 0,
    postponed: 0,
    reworked: 0,
    extended: 0,
  };
  for (const c of cases) {
    if (!c.acceptedAt || c.acceptedAt < period.start || c.acceptedAt >= period.end) continue;
    counts.accepted++;
    if (before(c.extendedAt, period.end)) counts.extended++;
    const closed = before(c.closedAt, period.end);
    if (!closed && c.deadline >= period.end) continue;
    counts.due++;
    if (closed) {
      counts.closed++;
      if (c.closedAt! <= c.deadline) counts.closedOnTime++;
      if (c.reworks > 0) counts.reworked++;
    } else if (before(c.postponedAt, period.end)) counts.postponed++;
  }
  return counts;
}

/** 超期未结: cases accepted by the period's end, still open at its end, past their deadline. */
export function isOverdueOpen(c: CaseRecord, end: Date): boolean {
  return before(c.acceptedAt, end) && !before(c.closedAt, end) && c.deadline < end;
}

/** 结案率 = 结案数 ÷ (应结案数 − 缓办数). */
export const closureRate = (c: CaseCounts): RateValue => rate(c.closed, c.due - c.postponed);

/** 按期结案率 = 按期结案数 ÷ (应结案数 − 缓办数). */
export const onTimeRate = (c: CaseCounts): RateValue => rate(c.closedOnTime, c.due - c.postponed);

/** 返工率 = 返工数 ÷ 结案数. */
export const reworkRate = (c: CaseCounts): RateValue => rate(c.reworked, c.closed);

/** 延期率 = 延期数 ÷ 立案数. */
export const extensionRate = (c: CaseCounts): RateValue => rate(c.extended, c.accepted);
