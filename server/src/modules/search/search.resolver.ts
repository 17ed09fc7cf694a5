import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { search } from './search.service';

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => String, { description: 'COMMUNITY, GRID or BUILDING' }) kind!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) communityCode!: string;
  @Field(() => String, { nullable: true }) gridCode!: string | null;
  @Field(() => String, { description: 'Name with its community and grid, for a result list' }) label!: string;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Find a community, grid or building by name or code' })
  search(
    @Ctx() ctx: Context,
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ) {
    return search(ctx.db, text, first ?? 10);
  }
}
