import { Arg, Field, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { inScope } from '../../live/live-changes';
import type { LiveChange as Change } from '../../live/live-events';

export const LIVE_TOPIC = 'LIVE_CHANGES';

@ObjectType({ simpleResolvers: true, description: 'Something changed in a scope: refetch what is shown for it' })
export class LiveChange {
  @Field(() => String, { description: 'CASE_REPORTED, CASE_TRANSITIONED or VOLUNTEER_HOURS_LOGGED' }) kind!: string;
  @Field(() => String) communityCode!: string;
  @Field(() => String) subDistrictCode!: string;
  @Field(() => String) gridCode!: string;
  @Field(() => Date) at!: Date;
}

@Resolver()
export class LiveResolver {
  @Subscription(() => LiveChange, {
    topics: LIVE_TOPIC,
    filter: ({ payload, args }) => inScope((args as { scope: string }).scope, payload as Change),
    description:
      'Changes in a scope (all, a sub-district code or a community code), sent after they are committed. Over graphql-ws at /graphql.',
  })
  liveChanges(@Root() change: Change, @Arg('scope', () => String) _scope: string): Change {
    return change;
  }
}
