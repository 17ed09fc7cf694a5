import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { MapLevel } from '../../../../shared/enums';
import type { Metric } from '../../../../shared/metrics/definitions';
import { canSeeExactPlaces } from '../../auth/viewer';
import type { Context } from '../../context';
import { MapLevelEnum, MetricEnum } from '../../graphql/enums';
import { periodOf } from '../../graphql/period';
import { BBoxInput } from './map.input';
import { mapFeatures, mapLegend, mapTiles } from './map.service';
import { MapLegendInfo, MapTilesInfo } from './map.type';

@Resolver()
export class MapResolver {
  @Query(() => GraphQLJSON, {
    description:
      'GeoJSON FeatureCollection (WGS-84) with properties code, name, value, tooFewCases, unit; simplified for zoom, clipped to bbox. Buildings only for callers who may see exact places (signed in or a token, not a wall)',
  })
  mapFeatures(
    @Ctx() ctx: Context,
    @Arg('level', () => MapLevelEnum) level: MapLevel,
    @Arg('metric', () => MetricEnum) metric: Metric,
    @Arg('communityCode', () => String, { nullable: true }) communityCode?: string,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
    @Arg('bbox', () => BBoxInput, { nullable: true }) bbox?: BBoxInput,
    @Arg('zoom', () => Int, { nullable: true }) zoom?: number,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    if (level === 'BUILDING' && !canSeeExactPlaces(ctx.viewer)) return { type: 'FeatureCollection', features: [] };
    return mapFeatures(ctx.db, {
      level,
      metric,
      communityCode: communityCode ?? null,
      gridCode: gridCode ?? null,
      bbox: bbox ?? null,
      zoom: zoom ?? null,
      period: periodOf(from, to),
    });
  }

  @Query(() => MapLegendInfo, {
    description:
      'The classes every map of this level, metric and period is coloured by: quantiles over every place of the level, and the grade bands (GRADES_FILE) where the metric has targets',
  })
  mapLegend(
    @Ctx() ctx: Context,
    @Arg('level', () => MapLevelEnum) level: MapLevel,
    @Arg('metric', () => MetricEnum) metric: Metric,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return mapLegend(ctx.db, level, metric, periodOf(from, to), ctx.config.gradeBands);
  }

  @Query(() => MapTilesInfo, {
    description:
      'Where the shapes of communities and grids are served as vector tiles, for the boundaries drawn in the period (its end; default today)',
  })
  mapTiles(
    @Ctx() ctx: Context,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return mapTiles(ctx.db, periodOf(from, to));
  }
}
