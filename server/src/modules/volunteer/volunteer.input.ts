import { Field, Float, InputType, Int } from 'type-graphql';

@InputType()
export class LogVolunteerHoursInput {
  @Field(() => Int) teamId!: number;
  @Field(() => String, { description: "Grid where the service took place; it must be in the team's community" })
  gridCode!: string;
  @Field(() => Date, { nullable: true, description: 'Default: now; never in the future' }) date?: Date;
  @Field(() => Int) participants!: number;
  @Field(() => Float, { description: 'Total person-hours' }) hours!: number;
  @Field(() => String) description!: string;
}
