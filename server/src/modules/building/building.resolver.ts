import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
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

  @FieldResolver(() => LatLng, { nullable: true })
  location(@Root() building: Building) {
    return building.lat === null ? null : { lat: building.lat, lng: building.lng };
  }
}
