import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { TimeBucket } from '../../../../shared/enums';
import { METRIC_DEFINITIONS, METRIC_TEXT, METRICS, type Metric } from '../../../../shared/metrics/definitions';
import type { Context } from '../../context';
import { DimensionEnum, LanguageEnum, MapLevelEnum, MetricEnum, TimeBucketEnum } from '../../graphql/enums';
import type { StatsDimension } from '../../../../shared/enums';
import type { Language } from '../../../../shared/format/number';
import { stats } from './stats-query.service';
import { PeriodInput, StatsConnection, StatsFilter, StatsSort } from './stats-query.type';
import { badInput } from '../../graphql/errors';
import type { MapLevel } from '../../../../shared/enums';
import { earlierPeriod, periodOf } from '../../graphql/period';
import { selects } from '../../graphql/selection';
import { casesByCategory, comparePlaces, ranking, resolveScope, timeSeries } from './stats.service';
import { gradeOf } from '../../../../shared/metrics/grades';
import { valueOver } from './metric.loader';
import {
  CategoryCount,
  ComparisonRow,
  MetricDefinitionInfo,
  MetricValue,
  ProvenanceInfo,
  RankingRow,
  TimePoint,
} from './metric.type';
import { provenanceOf, type PlacesOf } from './provenance.service';

/** The most places a league table's `top` may ask for: more is the whole table. */
const MAX_TOP = 100;

/** The scope of a community page's series and categories, looked up once per request. */
const sharedScope = (ctx: Context, communityCode?: string, gridCode?: string) =>
  ctx.loaders.shared(`scope:${communityCode}:${gridCode}`, () =>
    resolveScope(ctx.db, communityCode ?? null, gridCode ?? null),
  );

@Resolver()
export class StatsResolver {
  @Query(() => [MetricDefinitionInfo], {
    description: 'Every metric: its names, how it is counted, its unit and source',
  })
  metricDefinitions(): MetricDefinitionInfo[] {
    return METRICS.map((metric) => {
      const { name, definition, ratio } = METRIC_TEXT[metric];
      const { unit, higherIsBetter, source, perThousand } = METRIC_DEFINITIONS[metric];
      return {
        metric,
        nameZh: name.zh,
        nameEn: name.en,
        definitionZh: definition.zh,
        definitionEn: definition.en,
        unit,
        higherIsBetter,
        source,
        perThousand,
        numerator: ratio?.numerator ?? null,
        denominator: ratio?.denominator ?? null,
        denominatorLess: ratio?.denominatorLess ?? null,
      };
    });
  }

  @Query(() => [ComparisonRow], {
    description:
      'Communities and grids × metrics for one period, raw and per 1,000 residents (up to 10 places side by side: communities first, then grids, each in the order given)',
  })
  compare(
    @Ctx() ctx: Context,
    @Arg('metrics', () => [MetricEnum]) metrics: Metric[],
    @Arg('communityCodes', () => [String], { nullable: true }) communityCodes?: string[],
    @Arg('gridCodes', () => [String], { nullable: true }) gridCodes?: string[],
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
    @Arg('perThousand', () => Boolean, { nullable: true }) perThousand?: boolean,
  ) {
    const places = { communityCodes: communityCodes ?? [], gridCodes: gridCodes ?? [] };
    return comparePlaces(ctx.db, places, metrics, periodOf(from, to), perThousand ?? false);
  }

  @Query(() => [TimePoint], {
    description: 'A metric per bucket, for one grid, one community or (without either) all of them',
  })
  async timeSeries(
    @Ctx() ctx: Context,
    @Arg('metric', () => MetricEnum) metric: Metric,
    @Arg('bucket', () => TimeBucketEnum) bucket: TimeBucket,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('communityCode', () => String, { nullable: true }) communityCode?: string,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
  ) {
    const scope = await sharedScope(ctx, communityCode, gridCode);
    return timeSeries(ctx.db, metric, scope, bucket, periodOf(from, to), ctx.loaders.shared);
  }

  @Query(() => [MetricValue], {
    description: 'Metrics of every community taken together, of one community, or of one grid (gridCode)',
  })
  async summary(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('metrics', () => [MetricEnum]) metrics: Metric[],
    @Arg('communityCode', () => String, { nullable: true }) communityCode?: string,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    if (metrics.length === 0) throw badInput('Name at least one metric');
    const period = periodOf(from, to);
    const scope = { communityCode: communityCode ?? null, gridCode: gridCode ?? null };
    // The periods the figures are compared with, when asked for, load in the same batch: one statement for all.
    const compared = (['previous', 'yearEarlier'] as const)
      .filter((field) => selects(info, field))
      .map((which) => earlierPeriod(period, which));
    const [values] = await Promise.all([
      ctx.loaders.summary.loadMany(metrics.map((metric) => ({ ...scope, metric, period }))),
      ...compared.map((earlier) =>
        ctx.loaders.summary.loadMany(metrics.map((metric) => ({ ...scope, metric, period: earlier }))),
      ),
    ]);
    return values.map((value) => {
      if (value instanceof Error) throw value;
      return value;
    });
  }

  @Query(() => [CategoryCount], {
    description: 'Cases reported in the period by category, for all communities, one community or one grid',
  })
  async casesByCategory(
    @Ctx() ctx: Context,
    @Arg('communityCode', () => String, { nullable: true }) communityCode?: string,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return casesByCategory(ctx.db, await sharedScope(ctx, communityCode, gridCode), periodOf(from, to));
  }

  @Query(() => [RankingRow], {
    description:
      'A league table of every community (level COMMUNITY) or of one community’s grids (GRID, with communityCode), best first, with grades',
  })
  async ranking(
    @Ctx() ctx: Context,
    @Arg('level', () => MapLevelEnum) level: MapLevel,
    @Arg('metric', () => MetricEnum) metric: Metric,
    @Arg('communityCode', () => String, { nullable: true }) communityCode?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
    @Arg('subDistrictCode', () => String, {
      nullable: true,
      description: 'Only the communities of this sub-district, ranked among themselves (level COMMUNITY)',
    })
    subDistrictCode?: string,
    @Arg('top', () => Int, {
      nullable: true,
      description: `Only the best N places whose value stands on enough cases (1 to ${MAX_TOP}), as a wall shows them`,
    })
    top?: number,
  ) {
    if (level === 'BUILDING' || level === 'SUB_DISTRICT') throw badInput('Rankings are of communities or grids');
    if (top != null && (top < 1 || top > MAX_TOP)) throw badInput(`top must be between 1 and ${MAX_TOP}`);
    if (subDistrictCode != null && level !== 'COMMUNITY') throw badInput('subDistrictCode ranks communities');
    const of = {
      level,
      communityCode: communityCode ?? null,
      subDistrictCode: subDistrictCode ?? null,
      top: top ?? null,
    };
    const rows = await ranking(ctx.db, of, metric, periodOf(from, to));
    return rows.map((row) => ({
      ...row,
      grade: gradeOf(metric, row.value, ctx.config.gradeBands),
      places: level === 'GRID' ? { gridCodes: [row.code] } : { communityCodes: [row.code] },
    }));
  }

  @Query(() => StatsConnection, {
    description:
      'The analysts’ query: measures grouped by dimensions over local calendar days (TIME_ZONE), filtered, sorted and paged. ' +
      'Rates are fractions (0.9372) recomputed from the summed counts of each row. Refused, with the estimate, when rows × measures could pass GRAPHQL_MAX_VALUES',
  })
  stats(
    @Ctx() ctx: Context,
    @Arg('measures', () => [MetricEnum]) measures: Metric[],
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('dimensions', () => [DimensionEnum], { nullable: true }) dimensions?: StatsDimension[],
    @Arg('filter', () => StatsFilter, { nullable: true }) filter?: StatsFilter,
    @Arg('bucket', () => TimeBucketEnum, { nullable: true, description: 'The buckets of the TIME dimension' })
    bucket?: TimeBucket,
    @Arg('sort', () => [StatsSort], {
      nullable: true,
      description: 'Keys in order; the dimensions in order break ties',
    })
    sort?: StatsSort[],
    @Arg('first', () => Int, { nullable: true, description: 'Rows of this page; every row when not given' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('language', () => LanguageEnum, { nullable: true, description: 'Of the labels; ZH_CN when not given' })
    language?: Language,
  ) {
    return statsFor(ctx, { measures, period, dimensions, filter, bucket, sort, first, after, language });
  }
}

/** The analysts' query, its arguments as the schema gives them. */
export interface StatsArguments {
  measures: Metric[];
  dimensions?: StatsDimension[] | null;
  filter?: StatsFilter | null;
  period: PeriodInput;
  bucket?: TimeBucket | null;
  sort?: StatsSort[] | null;
  first?: number | null;
  after?: string | null;
  language?: Language | null;
}

/** stats for a request's viewer, with the server's limit on values: GraphQL and the exports both come here. */
export function statsFor(ctx: Context, args: StatsArguments) {
  return stats(ctx.db, ctx.viewer, {
    measures: args.measures,
    dimensions: args.dimensions ?? [],
    filter: args.filter ?? {},
    from: args.period.from,
    to: args.period.to,
    bucket: args.bucket ?? null,
    sort: args.sort ?? [],
    first: args.first ?? null,
    after: args.after ?? null,
    language: args.language ?? 'zh-CN',
    maxValues: ctx.config.limits.values,
  });
}

const PROVENANCE = {
  nullable: true,
  description: 'Where the value comes from: stated, imported, generated or computed from records, and what it rests on',
};

/** The places a metric value stands on: a stats row's, or those of the scope it was computed for. */
function placesOf(value: MetricValue): PlacesOf {
  if (value.places) return value.places;
  const scope = value.origin?.scope;
  if (!scope) return {};
  if ('level' in scope) return scope.level === 'grid' ? { gridIds: [scope.id] } : { communityIds: [scope.id] };
  if (scope.gridCode) return { gridCodes: [scope.gridCode] };
  return scope.communityCode ? { communityCodes: [scope.communityCode] } : {};
}

@Resolver(() => RankingRow)
export class RankingRowResolver {
  @FieldResolver(() => ProvenanceInfo, PROVENANCE)
  provenance(@Root() row: RankingRow, @Ctx() ctx: Context) {
    return provenanceOf(ctx, row.metric, row.places ?? {});
  }
}

@Resolver(() => ComparisonRow)
export class ComparisonRowResolver {
  @FieldResolver(() => ProvenanceInfo, PROVENANCE)
  provenance(@Root() row: ComparisonRow, @Ctx() ctx: Context) {
    return provenanceOf(
      ctx,
      row.metric,
      row.level === 'GRID' ? { gridCodes: [row.code] } : { communityCodes: [row.code] },
    );
  }
}

/** The grade (优 良 中 差) of any metric value, by the configured bands; null for a metric without them. */
@Resolver(() => MetricValue)
export class MetricValueResolver {
  @FieldResolver(() => String, { nullable: true, description: '优, 良, 中 or 差 by the grade bands (GRADES_FILE)' })
  grade(@Root() value: MetricValue, @Ctx() ctx: Context) {
    return gradeOf(value.metric, value.value, ctx.config.gradeBands);
  }

  @FieldResolver(() => MetricValue, {
    nullable: true,
    description:
      '环比: the same figure over the period of the same length just before (whole months: as many months before)',
  })
  previous(@Root() value: MetricValue, @Ctx() ctx: Context) {
    return valueOver(ctx, value, 'previous');
  }

  @FieldResolver(() => MetricValue, {
    nullable: true,
    description: '同比: the same figure over the same days a year before',
  })
  yearEarlier(@Root() value: MetricValue, @Ctx() ctx: Context) {
    return valueOver(ctx, value, 'yearEarlier');
  }

  @FieldResolver(() => ProvenanceInfo, PROVENANCE)
  provenance(@Root() value: MetricValue, @Ctx() ctx: Context) {
    return provenanceOf(ctx, value.metric, placesOf(value));
  }
}
