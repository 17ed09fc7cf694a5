import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'A viewport in WGS-84 degrees' })
export class BBoxInput {
  @Field(() => Float) west!: number;
  @Field(() => Float) south!: number;
  @Field(() => Float) east!: number;
  @Field(() => Float) north!: number;
}
