import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { assertAdmin } from '../../auth/viewer';
import type { Context } from '../../context';
import { Community } from '../community/community.type';
import { Grid } from '../grid/grid.type';
import { PlaceInput } from './import.input';
import { retirePlace, upsertPlace } from './import.service';
import { BoundaryVersion, FigureSource, PlaceChange } from './import.type';

const FIGURE_SOURCES = {
  description: 'Where each imported figure came from; empty for figures from the seed articles',
};

/** Provenance beside the figures and boundaries it explains. */
@Resolver(() => Community)
export class CommunityProvenanceResolver {
  @FieldResolver(() => [FigureSource], FIGURE_SOURCES)
  figureSources(@Root() community: Community, @Ctx() ctx: Context) {
    return ctx.loaders.figureSourcesByPlace.load(community.code);
  }
}

@Resolver(() => Grid)
export class GridProvenanceResolver {
  @FieldResolver(() => [FigureSource], FIGURE_SOURCES)
  figureSources(@Root() grid: Grid, @Ctx() ctx: Context) {
    return ctx.loaders.figureSourcesByPlace.load(grid.code);
  }

  @FieldResolver(() => [BoundaryVersion], { description: 'Every imported version of the boundary, oldest first' })
  boundaryHistory(@Root() grid: Grid, @Ctx() ctx: Context) {
    return ctx.db.boundaryVersion.findMany({
      where: { level: 'GRID', code: grid.code },
      orderBy: { validFrom: 'asc' },
    });
  }
}

/** Fixing one place without a file: admins only, checked as an imported feature is. */
@Resolver()
export class PlaceResolver {
  @Mutation(() => PlaceChange, {
    description: 'Admin only. Create or change a sub-district, community, grid or building by its code',
  })
  upsertPlace(@Ctx() ctx: Context, @Arg('input', () => PlaceInput) input: PlaceInput) {
    assertAdmin(ctx.viewer);
    return upsertPlace(ctx.db, ctx.live, input, ctx.viewer.name ?? 'admin');
  }

  @Mutation(() => PlaceChange, {
    description: 'Admin only. Retire a community, grid or building from asOf (YYYY-MM-DD, default today)',
  })
  retirePlace(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('asOf', () => String, { nullable: true }) asOf?: string | null,
  ) {
    assertAdmin(ctx.viewer);
    return retirePlace(ctx.db, code, asOf ?? null);
  }
}
