import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: '网格: a few buildings under one grid worker' })
export class Grid {
  id!: number;
  communityId!: number;
  @Field(() => String, { description: 'Region-subdistrict-community-grid, e.g. 410200-001-001-07' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) population!: number;
  @Field(() => Int) households!: number;
  @Field(() => Float) areaKm2!: number;
  @Field(() => Boolean) generated!: boolean;
  boundary!: string | null;
  centroidLat!: number | null;
  centroidLng!: number | null;
  workerName!: string | null;
  workerPhone!: string | null;
}
