import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { canSeeExactPlaces } from '../../auth/viewer';
import type { Context } from '../../context';
import { Grid } from '../grid/grid.type';
import { LatLng } from '../metric/metric.type';
import { findBuilding } from './building.service';
import { Building } from './building.type';

@Resolver(() => Building)
export class BuildingResolver {
  @Query(() => Building, { nullable: true })
  building(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return findBuilding(ctx.db, code);
  }

  @FieldResolver(() => Grid)
  grid(@Root() building: Building, @Ctx() ctx: Context) {
    return ctx.loaders.gridById.load(building.gridId);
  }

  @FieldResolver(() => LatLng, {
    nullable: true,
    description: 'Where the building stands; null without one, or for visitors and walls',
  })
  location(@Root() building: Building, @Ctx() ctx: Context) {
    if (building.lat === null || !canSeeExactPlaces(ctx.viewer)) return null;
    return { lat: building.lat, lng: building.lng };
  }
}
