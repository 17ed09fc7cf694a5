import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';

@ObjectType({ description: 'Who the server takes the caller to be' })
class ViewerInfo {
  @Field(() => String, { description: 'ADMIN, LEADER, ANALYST, GRID_WORKER, DISPLAY or PUBLIC (no token)' })
  role!: string;
  @Field(() => String, { nullable: true }) scope!: string | null;
  @Field(() => String, { nullable: true }) tokenName!: string | null;
  @Field(() => Boolean) publicDashboard!: boolean;
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerInfo)
  viewer(@Ctx() ctx: Context): ViewerInfo {
    return { ...ctx.viewer, publicDashboard: ctx.config.publicDashboard };
  }
}
