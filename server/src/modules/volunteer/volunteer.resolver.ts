import { Arg, Ctx, Field, Float, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { LogVolunteerHoursInput } from './volunteer.input';
import { logVolunteerHours } from './volunteer.service';

@ObjectType({ simpleResolvers: true })
export class VolunteerLog {
  @Field(() => Int) id!: number;
  @Field(() => Int) teamId!: number;
  @Field(() => Date) date!: Date;
  @Field(() => Int) participants!: number;
  @Field(() => Float) hours!: number;
  @Field(() => String) description!: string;
}

@Resolver()
export class VolunteerResolver {
  @Mutation(() => VolunteerLog, {
    description: 'Log a volunteer service. Needs an admin, leader or grid worker token covering the grid.',
  })
  logVolunteerHours(@Arg('input', () => LogVolunteerHoursInput) input: LogVolunteerHoursInput, @Ctx() ctx: Context) {
    return logVolunteerHours(ctx, input);
  }
}
