import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Community } from '../community/community.type';
import { Grid } from '../grid/grid.type';
import { BoundaryVersion, FigureSource } from './import.type';

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
