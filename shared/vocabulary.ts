import type { CaseStatus } from './case/workflow';
import type { BuildingKind, CaseCategory, CaseSource, StatsDimension, TimeBucket } from './enums';

/** Words in both languages of the product. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** What the dashboard, the API's labels and the exports call each case category. */
export const CATEGORY_TEXT: Record<CaseCategory, Bilingual> = {
  FACILITY: { zh: '设施维修', en: 'Facility repair' },
  SANITATION: { zh: '环境卫生', en: 'Sanitation' },
  DISPUTE: { zh: '矛盾纠纷', en: 'Dispute' },
  SAFETY: { zh: '安全隐患', en: 'Safety hazard' },
  ILLEGAL_STRUCTURE: { zh: '违章建筑', en: 'Illegal structure' },
  PUBLIC_ORDER: { zh: '治安秩序', en: 'Public order' },
  WELFARE: { zh: '民生救助', en: 'Welfare' },
  MARKET: { zh: '市场秩序', en: 'Market order' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const STATUS_TEXT: Record<CaseStatus, Bilingual> = {
  REPORTED: { zh: '上报', en: 'Reported' },
  ACCEPTED: { zh: '立案', en: 'Accepted' },
  REJECTED: { zh: '不予立案', en: 'Rejected' },
  DISPATCHED: { zh: '派遣', en: 'Dispatched' },
  HANDLED: { zh: '处置', en: 'Handled' },
  VERIFIED: { zh: '核查', en: 'Verified' },
  CLOSED: { zh: '结案', en: 'Closed' },
  POSTPONED: { zh: '缓办', en: 'Postponed' },
};

export const SOURCE_TEXT: Record<CaseSource, Bilingual> = {
  PATROL: { zh: '网格员巡查', en: 'Patrol' },
  RESIDENT: { zh: '居民上报', en: 'Resident' },
  HOTLINE_12345: { zh: '12345 热线', en: '12345 hotline' },
  APP: { zh: '随手拍', en: 'App' },
};

export const BUILDING_KIND_TEXT: Record<BuildingKind, Bilingual> = {
  APARTMENT: { zh: '住宅楼', en: 'Apartment block' },
  BUNGALOW: { zh: '平房', en: 'Bungalow' },
  COURTYARD: { zh: '院落', en: 'Courtyard' },
  INSTITUTION: { zh: '机关单位', en: 'Institution' },
  OFFICE: { zh: '办公楼', en: 'Office' },
  SCHOOL: { zh: '学校', en: 'School' },
  SHOP_STREET: { zh: '沿街商铺', en: 'Shop street' },
  VILLA: { zh: '别墅', en: 'Villa' },
};

/** The column headers of the stats dimensions. */
export const DIMENSION_TEXT: Record<StatsDimension, Bilingual> = {
  SUB_DISTRICT: { zh: '街道', en: 'Sub-district' },
  COMMUNITY: { zh: '社区', en: 'Community' },
  GRID: { zh: '网格', en: 'Grid' },
  CATEGORY: { zh: '事件类别', en: 'Category' },
  SOURCE: { zh: '来源', en: 'Source' },
  STATUS: { zh: '状态', en: 'Status' },
  GRID_WORKER: { zh: '网格员', en: 'Grid worker' },
  TIME: { zh: '时间', en: 'Time' },
};

/** The column header of the TIME dimension, by its bucket. */
export const BUCKET_TEXT: Record<TimeBucket, Bilingual> = {
  DAY: { zh: '日期', en: 'Day' },
  WEEK: { zh: '周', en: 'Week' },
  MONTH: { zh: '月份', en: 'Month' },
  QUARTER: { zh: '季度', en: 'Quarter' },
  YEAR: { zh: '年份', en: 'Year' },
};

/** The words in the product's language: 'zh-CN' or 'en'. */
export const inLanguage = (text: Bilingual, language: 'zh-CN' | 'en') => (language === 'en' ? text.en : text.zh);

/** One language's words of a vocabulary. */
export function wordsIn<K extends string>(texts: Record<K, Bilingual>, language: keyof Bilingual): Record<K, string> {
  return Object.fromEntries(Object.entries<Bilingual>(texts).map(([key, text]) => [key, text[language]])) as Record<
    K,
    string
  >;
}
