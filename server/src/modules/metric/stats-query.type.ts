import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { CaseStatus } from '../../../../shared/case/workflow';
import type { CaseCategory, CaseSource, StatsDimension } from '../../../../shared/enums';
import type { Metric } from '../../../../shared/metrics/definitions';
import { CaseCategoryEnum, CaseSourceEnum, CaseStatusEnum, DimensionEnum, MetricEnum } from '../../graphql/enums';
import { PageInfo } from '../case/case.type';
import { MetricValue } from './metric.type';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isLocalDate(text: string): boolean {
  const parts = LOCAL_DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isLocalDate(value))
    throw new GraphQLError(`A Date is a calendar date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

export const LocalDateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, in the server’s TIME_ZONE (Asia/Shanghai unless configured)',
  serialize: parseLocalDate,
  parseValue: parseLocalDate,
  parseLiteral: (ast) => parseLocalDate(ast.kind === Kind.STRING ? ast.value : null),
});

@InputType({ description: 'Whole local days in TIME_ZONE, both inclusive' })
export class PeriodInput {
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
}

@InputType({ description: 'Which cases and places stats counts; every list narrows, an empty or missing one does not' })
export class StatsFilter {
  @Field(() => [String], { nullable: true }) subDistrictCodes?: string[];
  @Field(() => [String], { nullable: true }) communityCodes?: string[];
  @Field(() => [String], { nullable: true }) gridCodes?: string[];
  @Field(() => [String], { nullable: true, description: 'Grid workers by name (only those the caller may see)' })
  gridWorkers?: string[];
  @Field(() => [CaseCategoryEnum], { nullable: true }) categories?: CaseCategory[];
  @Field(() => [CaseSourceEnum], { nullable: true, description: 'HOTLINE_12345 for the 12345 hotline' })
  sources?: CaseSource[];
  @Field(() => [CaseStatusEnum], { nullable: true, description: 'The state a case is in now' })
  statuses?: CaseStatus[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only cases open and past their deadline at the end of each period',
  })
  overdue?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Only cases closed after their deadline' })
  closedLate?: boolean;
}

@InputType({
  description: 'One sort key: a dimension (by its label, or time) or a measure (rows without a value last)',
})
export class StatsSort {
  @Field(() => DimensionEnum, { nullable: true }) dimension?: StatsDimension;
  @Field(() => MetricEnum, { nullable: true }) measure?: Metric;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) descending?: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Where a row of stats sits along one dimension' })
export class StatsKey {
  @Field(() => DimensionEnum) dimension!: StatsDimension;
  @Field(() => String, {
    nullable: true,
    description:
      'The place code, enum value, worker name or bucket’s first day (YYYY-MM-DD); null for cases without one (a grid with no worker)',
  })
  code!: string | null;
  @Field(() => String, { description: 'What a person reads, in the language asked for' }) label!: string;
  @Field(() => Date, { nullable: true, description: 'TIME: the bucket’s start, local midnight as an instant' })
  start!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class StatsRow {
  @Field(() => [StatsKey], { description: 'One per dimension, in the order asked' }) keys!: StatsKey[];
  @Field(() => [MetricValue], { description: 'One per measure, in the order asked' }) values!: MetricValue[];
}

@ObjectType({ simpleResolvers: true })
export class StatsConnection {
  @Field(() => [StatsRow]) rows!: StatsRow[];
  @Field(() => Int, { description: 'Rows over all pages' }) totalCount!: number;
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
