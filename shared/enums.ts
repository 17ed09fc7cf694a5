/** Domain vocabularies shared by server, client and tests. Values are the API's enum values. */

export const CASE_CATEGORIES = [
  'FACILITY',
  'SANITATION',
  'DISPUTE',
  'SAFETY',
  'ILLEGAL_STRUCTURE',
  'PUBLIC_ORDER',
  'WELFARE',
  'MARKET',
  /** Imported cases whose category text matches none of the above. */
  'OTHER',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/** Hours allowed to close a case of each category, from acceptance of the report. */
export const CASE_DEADLINE_HOURS: Record<CaseCategory, number> = {
  FACILITY: 72,
  SANITATION: 24,
  DISPUTE: 168,
  SAFETY: 48,
  ILLEGAL_STRUCTURE: 240,
  PUBLIC_ORDER: 24,
  WELFARE: 240,
  MARKET: 72,
  OTHER: 168,
};

export const CASE_SOURCES = ['PATROL', 'RESIDENT', 'HOTLINE_12345', 'APP'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const BUILDING_KINDS = [
  'APARTMENT',
  'BUNGALOW',
  'VILLA',
  'COURTYARD',
  'OFFICE',
  'SHOP_STREET',
  'SCHOOL',
  'INSTITUTION',
] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

export const PARTY_ORG_KINDS = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP'] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

export const ROLES = ['ADMIN', 'LEADER', 'ANALYST', 'GRID_WORKER', 'DISPLAY'] as const;
export type Role = (typeof ROLES)[number];
/** Roles a person signs in with; walls never sign in, they hold a display token. */
export const ACCOUNT_ROLES = ['ADMIN', 'LEADER', 'ANALYST', 'GRID_WORKER'] as const satisfies readonly Role[];

export const MAP_LEVELS = ['SUB_DISTRICT', 'COMMUNITY', 'GRID', 'BUILDING'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];
/** Places `compare` puts side by side at most: enough for a sub-district's communities or a community's grids. */
export const MAX_COMPARED = 10;

export const TIME_BUCKETS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];

/** What the analysts' `stats` query groups by: places, the case's category, source and state, its grid worker, and time. */
export const STATS_DIMENSIONS = [
  'SUB_DISTRICT',
  'COMMUNITY',
  'GRID',
  'CATEGORY',
  'SOURCE',
  'STATUS',
  'GRID_WORKER',
  'TIME',
] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** What the audit log records: sign-ins and their failures, locks, sign-outs, and changes to accounts and tokens. */
export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'login.locked',
  'logout',
  'account.created',
  'account.disabled',
  'account.enabled',
  'account.password_reset',
  'token.created',
  'token.revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
