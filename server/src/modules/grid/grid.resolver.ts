import type { GeoJsonObject } from 'geojson';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Metric } from '../../../../shared/metrics/definitions';
import { canSeePersonalData } from '../../auth/viewer';
import type { Context } from '../../context';
import { MetricEnum } from '../../graphql/enums';
import { Building } from '../building/building.type';
import { Community } from '../community/community.type';
import { loadMetricValue } from '../metric/metric.loader';
import { LatLng, MetricValue } from '../metric/metric.type';
import { findGrid, loadGridPlace } from './grid.service';
import { Grid } from './grid.type';
import { Contact } from '../../auth/contact.type';
import { columnsAsked } from '../../graphql/selection';
import { Prisma } from '../../../generated/sqlite/client';

/**
 * The columns of grid rows a selection of grids reads: the fields named like a column, the columns
 * the field resolvers below read, and the keys (the id and community for loaders, the code for figures).
 */
export const gridColumns = columnsAsked(
  Prisma.GridScalarFieldEnum,
  { centroid: ['centroidLat', 'centroidLng'], worker: ['workerName', 'workerPhone'] },
  ['id', 'communityId', 'code'],
);

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => Grid, { nullable: true })
  grid(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return findGrid(ctx.db, code);
  }

  @FieldResolver(() => Community)
  community(@Root() grid: Grid, @Ctx() ctx: Context) {
    return ctx.loaders.communityById.load(grid.communityId);
  }

  @FieldResolver(() => [Building])
  buildings(@Root() grid: Grid, @Ctx() ctx: Context) {
    return ctx.loaders.buildingsByGrid.load(grid.id);
  }

  @FieldResolver(() => LatLng, { nullable: true })
  centroid(@Root() grid: Grid) {
    return grid.centroidLat === null ? null : { lat: grid.centroidLat, lng: grid.centroidLng };
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true })
  boundary(@Root() grid: Grid): GeoJsonObject | null {
    return grid.boundary ? JSON.parse(grid.boundary) : null;
  }

  @FieldResolver(() => Int)
  async partyMembers(@Root() grid: Grid, @Ctx() ctx: Context) {
    return (await loadMetricValue(ctx, 'grid', grid.id, 'PARTY_MEMBERS')).value;
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'Null unless the caller may see personal data of this grid',
  })
  async worker(@Root() grid: Grid, @Ctx() ctx: Context) {
    if (!canSeePersonalData(ctx.viewer, await loadGridPlace(ctx, grid.id))) return null;
    return { name: grid.workerName, phone: grid.workerPhone };
  }

  @FieldResolver(() => MetricValue)
  metric(
    @Root() grid: Grid,
    @Ctx() ctx: Context,
    @Arg('metric', () => MetricEnum) metric: Metric,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return loadMetricValue(ctx, 'grid', grid.id, metric, from, to);
  }
}
