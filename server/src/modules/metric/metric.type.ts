import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MapLevelEnum, MetricEnum, ProvenanceKindEnum } from '../../graphql/enums';
import type { ProvenanceKind } from '../../../../shared/metrics/provenance';
import type { PlacesOf } from './provenance.service';
import type { Metric } from '../../../../shared/metrics/definitions';
import type { CaseCategory } from '../../../../shared/enums';
import { CaseCategoryEnum } from '../../graphql/enums';
import type { Period } from '../../graphql/period';
import type { ScopeLevel } from './metric.service';

/** A summary's scope (every community, one community or one grid) or one place, over a period. */
export interface MetricOrigin {
  scope: { communityCode: string | null; gridCode: string | null } | { level: ScopeLevel; id: number };
  period: Period;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A metric of one scope over one period. value is null when unknown or when a rate stands on fewer than 5 cases.',
})
export class MetricValue {
  /** Where the value comes from, to count it again over an earlier period; not in the schema. */
  origin?: MetricOrigin;
  /** The places a value without an origin (a row of stats) stands on, for its provenance. */
  places?: PlacesOf;
  @Field(() => MetricEnum) metric!: Metric;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true, description: 'Per 1,000 residents, where that makes sense for the metric' })
  perThousand!: number | null;
  @Field(() => Int, { description: 'Cases a rate or median stands on (0 for counts)' }) sampleSize!: number;
  @Field(() => Boolean, { description: 'True when a rate stands on fewer than 5 cases: show "too few cases"' })
  tooFewCases!: boolean;
}

@ObjectType('Provenance', { simpleResolvers: true, description: 'Where a figure comes from' })
export class ProvenanceInfo {
  @Field(() => ProvenanceKindEnum, {
    description: 'The least trusted kind among the figures it is made of (a sum of stated and generated is GENERATED)',
  })
  kind!: ProvenanceKind;
  @Field(() => String, { nullable: true, description: 'The article or file (and sheet and row); null for records' })
  source!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day a stated or imported figure held' })
  asOf!: string | null;
  @Field(() => String, { nullable: true, description: 'AT_LEAST when the source says "more than" (4000余)' })
  qualifier!: string | null;
  @Field(() => Boolean, { description: 'Whether any figure or record under it is generated (synthetic)' })
  restsOnGenerated!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class ComparisonRow {
  @Field(() => MapLevelEnum, { description: 'COMMUNITY or GRID: the kind of place compared' })
  level!: 'COMMUNITY' | 'GRID';
  @Field(() => String, { description: 'The community’s or the grid’s code' }) code!: string;
  @Field(() => String, { description: 'The community’s or the grid’s name' }) name!: string;
  @Field(() => String, { description: 'The community, or the grid’s community' }) communityCode!: string;
  @Field(() => String) communityName!: string;
  @Field(() => MetricEnum) metric!: Metric;
  @Field(() => Float, {
    nullable: true,
    description: 'Per 1,000 residents when perThousand was asked and the metric allows it, else raw',
  })
  value!: number | null;
  @Field(() => Float, { nullable: true }) raw!: number | null;
  @Field(() => Float, { nullable: true }) perThousand!: number | null;
  @Field(() => Int) sampleSize!: number;
  @Field(() => Boolean) tooFewCases!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class TimePoint {
  @Field(() => Date, { description: 'Start of the bucket: local midnight in TIME_ZONE, as an instant' }) start!: Date;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int) sampleSize!: number;
  @Field(() => Boolean) tooFewCases!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class LatLng {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Cases reported in a period in one category' })
export class CategoryCount {
  @Field(() => CaseCategoryEnum) category!: CaseCategory;
  @Field(() => Int) reported!: number;
  @Field(() => Int, { description: 'Of those reported, closed by now' }) closed!: number;
  @Field(() => Int, { description: 'Of those reported, still open' }) open!: number;
}

@ObjectType({ simpleResolvers: true, description: 'What a metric is and how it is counted' })
export class MetricDefinitionInfo {
  @Field(() => MetricEnum) metric!: Metric;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: 'How it is counted, in Chinese' }) definitionZh!: string;
  @Field(() => String, { description: 'How it is counted, in English' }) definitionEn!: string;
  @Field(() => String, { description: 'people, households, perKm2, hours, cases, ratio (a fraction) or score' })
  unit!: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether more is better; null when neither' })
  higherIsBetter!: boolean | null;
  @Field(() => String, {
    description:
      'static (latest stated or imported figure), rollup (summed over the period), cohort (the cases accepted in the period as they stood at its end) or raw (case rows)',
  })
  source!: string;
  @Field(() => Boolean, { description: 'Whether a per-1,000-residents value is given' }) perThousand!: boolean;
  @Field(() => MetricEnum, { nullable: true, description: 'For a rate: numerator ÷ (denominator − denominatorLess)' })
  numerator!: Metric | null;
  @Field(() => MetricEnum, { nullable: true }) denominator!: Metric | null;
  @Field(() => MetricEnum, { nullable: true }) denominatorLess!: Metric | null;
}

@ObjectType({ simpleResolvers: true, description: 'One row of a league table' })
export class RankingRow {
  @Field(() => Int, { nullable: true, description: '1 for the best; equal values share a rank; null without a value' })
  rank!: number | null;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => MetricEnum) metric!: Metric;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int) sampleSize!: number;
  @Field(() => Boolean, { description: 'A rate on fewer than 5 cases: not ranked' }) tooFewCases!: boolean;
  @Field(() => String, { nullable: true, description: '优, 良, 中 or 差 by the grade bands (GRADES_FILE)' })
  grade!: string | null;
  /** The community or grid of the row, for its provenance; not in the schema. */
  places?: PlacesOf;
}
