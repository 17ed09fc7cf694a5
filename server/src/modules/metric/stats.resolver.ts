import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { TimeBucket } from '../../../../shared/enums';
import { METRIC_DEFINITIONS, METRIC_TEXT, METRICS, type Metric } from '../../../../shared/metrics/definitions';
import type { Context } from '../../context';
import { MetricEnum, TimeBucketEnum } from '../../graphql/enums';
import { periodOf } from '../../graphql/period';
import { casesByCategory, compareCommunities, resolveScope, scopeSummary, timeSeries } from './stats.service';
import { CategoryCount, ComparisonRow, MetricDefinitionInfo, MetricValue, TimePoint } from './metric.type';

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
    description: 'Communities × metrics for one period, raw and per 1,000 residents (2–5 communities side by side)',
  })
  compare(
    @Ctx() ctx: Context,
    @Arg('communityCodes', () => [String]) communityCodes: string[],
    @Arg('metrics', () => [MetricEnum]) metrics: Metric[],
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
    @Arg('perThousand', () => Boolean, { nullable: true }) perThousand?: boolean,
  ) {
    return compareCommunities(ctx.db, communityCodes, metrics, periodOf(from, to), perThousand ?? false);
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
    const scope = await ctx.loaders.shared(`scope:${communityCode}:${gridCode}`, () =>
      resolveScope(ctx.db, communityCode ?? null, gridCode ?? null),
    );
    return timeSeries(ctx.db, metric, scope, bucket, periodOf(from, to), ctx.loaders.shared);
  }

  @Query(() => [MetricValue], {
    description: 'Metrics of every community taken together, of one community, or of one grid (gridCode)',
  })
  summary(
    @Ctx() ctx: Context,
    @Arg('metrics', () => [MetricEnum]) metrics: Metric[],
    @Arg('communityCode', () => String, { nullable: true }) communityCode?: string,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return scopeSummary(ctx.db, communityCode ?? null, gridCode ?? null, metrics, periodOf(from, to));
  }

  @Query(() => [CategoryCount], {
    description: 'Cases reported in the period by category, for all communities, one community or one grid',
  })
  casesByCategory(
    @Ctx() ctx: Context,
    @Arg('communityCode', () => String, { nullable: true }) communityCode?: string,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return casesByCategory(ctx.db, communityCode ?? null, gridCode ?? null, periodOf(from, to));
  }
}
