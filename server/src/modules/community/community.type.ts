import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: '街道: a sub-district office and the communities it runs' })
export class SubDistrict {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) province!: string | null;
  @Field(() => String, { nullable: true }) district!: string | null;
  id!: number;
}

@ObjectType({ simpleResolvers: true })
export class PartyMembersByCategory {
  @Field(() => Int) resident!: number;
  @Field(() => Int, { description: '在职党员双报到' }) inService!: number;
  @Field(() => Int) retired!: number;
  @Field(() => Int, { description: '流动党员' }) mobile!: number;
}

@ObjectType({ simpleResolvers: true })
export class PartyOrganization {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'COMMITTEE, GENERAL_BRANCH, BRANCH or GROUP' }) kind!: string;
  @Field(() => Int) members!: number;
  @Field(() => Boolean) generated!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class VolunteerTeam {
  @Field(() => Int) id!: number;
  @Field(() => String) name!: string;
  @Field(() => String) focus!: string;
  @Field(() => Int) members!: number;
  @Field(() => Boolean) generated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "社区: a residents' community, split into grids" })
export class Community {
  id!: number;
  subDistrictId!: number;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => Float, { nullable: true }) areaKm2!: number | null;
  @Field(() => Int, { nullable: true, description: '常住人口' }) population!: number | null;
  @Field(() => Boolean, { description: 'The source says "more than" this population (N余)' })
  populationAtLeast!: boolean;
  @Field(() => Int, { nullable: true }) households!: number | null;
  @Field(() => Int, { nullable: true, description: '流动人口; null where the source does not say' })
  floatingPopulation!: number | null;
  @Field(() => String, { nullable: true }) boundaryText!: string | null;
  @Field(() => Date, { nullable: true }) founded!: Date | null;
  @Field(() => String, { description: 'The article the stated figures come from' }) source!: string;
  boundary!: string | null;
  centroidLat!: number | null;
  centroidLng!: number | null;
  generatedFields!: string;
  /** Stated number of registered volunteers, when the source gives one. */
  volunteers!: number | null;
}
