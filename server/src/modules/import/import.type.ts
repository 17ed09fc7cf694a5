import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Where an imported figure came from' })
export class FigureSource {
  @Field(() => String, { description: 'population, households, floatingPopulation, volunteers or areaKm2' })
  field!: string;
  @Field(() => String) file!: string;
  @Field(() => String, { nullable: true }) sheet!: string | null;
  @Field(() => Int, { nullable: true, description: 'The spreadsheet’s own row number' }) row!: number | null;
  @Field(() => Date, { description: 'When the figure was counted' }) asOf!: Date;
  @Field(() => String) importedBy!: string;
  @Field(() => Date) importedAt!: Date;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One version of a boundary: valid from validFrom until validTo (open when null)',
})
export class BoundaryVersion {
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { nullable: true }) validTo!: Date | null;
  @Field(() => String, { description: 'The file and feature it came from, and who imported it' }) source!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What upsertPlace or retirePlace did' })
export class PlaceChange {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'created, updated, unchanged or retired' }) change!: string;
}
