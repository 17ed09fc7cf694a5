import { registerEnumType } from 'type-graphql';
import { CASE_STATUSES } from '../../../shared/case/workflow';
import {
  BUILDING_KINDS,
  CASE_CATEGORIES,
  CASE_SOURCES,
  MAP_LEVELS,
  ROLES,
  STATS_DIMENSIONS,
  TIME_BUCKETS,
} from '../../../shared/enums';
import { METRICS } from '../../../shared/metrics/definitions';
import { PROVENANCE_KINDS } from '../../../shared/metrics/provenance';

/** GraphQL enums made from the vocabularies in shared/, so there is one list of each. */
function enumObject<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const MetricEnum = enumObject(METRICS);
export const CaseCategoryEnum = enumObject(CASE_CATEGORIES);
export const CaseSourceEnum = enumObject(CASE_SOURCES);
export const CaseStatusEnum = enumObject(CASE_STATUSES);
export const BuildingKindEnum = enumObject(BUILDING_KINDS);
export const MapLevelEnum = enumObject(MAP_LEVELS);
export const TimeBucketEnum = enumObject(TIME_BUCKETS);
export const RoleEnum = enumObject(ROLES);
export const DimensionEnum = enumObject(STATS_DIMENSIONS);
export const ProvenanceKindEnum = enumObject(PROVENANCE_KINDS);
/** The languages of labels and exports: ZH_CN is 'zh-CN' inside the server, EN is 'en'. */
export const LanguageEnum = { ZH_CN: 'zh-CN', EN: 'en' } as const;
export const CaseOrderEnum = { NEWEST: 'NEWEST', DEADLINE: 'DEADLINE' } as const;
export type CaseOrder = keyof typeof CaseOrderEnum;

registerEnumType(MetricEnum, {
  name: 'Metric',
  description: 'A measure defined once in shared/metrics/definitions.ts',
});
registerEnumType(CaseCategoryEnum, { name: 'CaseCategory' });
registerEnumType(CaseSourceEnum, { name: 'CaseSource' });
registerEnumType(CaseStatusEnum, { name: 'CaseStatus', description: 'GB/T 30428 workflow states' });
registerEnumType(BuildingKindEnum, { name: 'BuildingKind' });
registerEnumType(MapLevelEnum, { name: 'MapLevel' });
registerEnumType(TimeBucketEnum, { name: 'TimeBucket' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(DimensionEnum, {
  name: 'Dimension',
  description: 'What stats groups by; TIME by the bucket asked for, STATUS by the state a case is in now',
});
registerEnumType(LanguageEnum, { name: 'Language', description: 'Simplified Chinese (the default) or English' });
registerEnumType(CaseOrderEnum, {
  name: 'CaseOrder',
  description: 'How a list of cases is sorted',
  valuesConfig: {
    NEWEST: { description: 'Latest reported first' },
    DEADLINE: { description: 'Earliest deadline first: for overdue cases, the most days overdue first' },
  },
});
registerEnumType(ProvenanceKindEnum, {
  name: 'ProvenanceKind',
  description:
    'STATED (an article or official figure), IMPORTED (a file), GENERATED (synthetic) or COMPUTED (from records)',
});
