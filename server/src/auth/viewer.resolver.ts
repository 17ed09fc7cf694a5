import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';

@ObjectType({ simpleResolvers: true, description: 'Who the server takes the caller to be' })
class ViewerInfo {
  @Field(() => String, {
    description: 'ADMIN, LEADER, ANALYST, GRID_WORKER, DISPLAY or PUBLIC (neither signed in nor a token)',
  })
  role!: string;
  @Field(() => String, { description: 'session (signed in at /login), token, or none' }) via!: string;
  @Field(() => String, { nullable: true, description: 'Sub-district, community or grid code; null means all' })
  scope!: string | null;
  @Field(() => String, { nullable: true, description: 'The name of the jurisdiction, e.g. 康乐社区' })
  scopeName!: string | null;
  @Field(() => String, { nullable: true, description: 'The account’s username, when signed in' })
  username!: string | null;
  @Field(() => String, { nullable: true, description: 'The account’s display name, or the token’s name' })
  displayName!: string | null;
  @Field(() => String, { nullable: true, description: 'The token’s name, when a token is used' })
  tokenName!: string | null;
  @Field(() => Boolean) publicDashboard!: boolean;
}

/** The name of a sub-district, community or grid code. */
async function placeName(ctx: Context, code: string): Promise<string | null> {
  const [subDistrict, community, grid] = await Promise.all([
    ctx.db.subDistrict.findUnique({ where: { code }, select: { name: true } }),
    ctx.db.community.findUnique({ where: { code }, select: { name: true } }),
    ctx.db.grid.findUnique({ where: { code }, select: { name: true } }),
  ]);
  return (subDistrict ?? community ?? grid)?.name ?? null;
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerInfo)
  async viewer(@Ctx() ctx: Context): Promise<ViewerInfo> {
    const { role, via, scope, name, displayName } = ctx.viewer;
    return {
      role,
      via,
      scope,
      scopeName: scope ? await placeName(ctx, scope) : null,
      username: via === 'session' ? name : null,
      displayName,
      tokenName: via === 'token' ? name : null,
      publicDashboard: ctx.config.publicDashboard,
    };
  }
}
