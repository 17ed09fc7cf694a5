import { Field, Int, ObjectType } from 'type-graphql';
import type { BuildingKind } from '../../../../shared/enums';
import { BuildingKindEnum } from '../../graphql/enums';

@ObjectType({ simpleResolvers: true, description: '楼栋/楼院/平房: a building or compound in a grid' })
export class Building {
  id!: number;
  gridId!: number;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => BuildingKindEnum) kind!: BuildingKind;
  @Field(() => Int) households!: number;
  @Field(() => Int) population!: number;
  @Field(() => Int, { description: 'Stairwell units (单元)' }) units!: number;
  @Field(() => Int) floors!: number;
  @Field(() => Boolean) generated!: boolean;
  lat!: number | null;
  lng!: number | null;
}
