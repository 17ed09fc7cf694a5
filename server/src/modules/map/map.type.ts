import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('ClassRange', { description: 'One class of a map legend: values from … to, both inclusive' })
export class ClassRangeInfo {
  @Field(() => Float)
  from!: number;
  @Field(() => Float)
  to!: number;
}

@ObjectType('MapLegend', {
  description:
    'The classes a map of one level, metric and period is coloured by, the same in every view of it: quantiles of every place of the level, and grade bands where the metric has targets',
})
export class MapLegendInfo {
  @Field(() => [ClassRangeInfo], { description: 'Quantile classes over the whole jurisdiction, low to high' })
  classes!: ClassRangeInfo[];
  @Field(() => [Float], {
    nullable: true,
    description: 'The lower limits of 优, 良 and 中 (upper, where less is better) when the metric has grade bands',
  })
  gradeLimits!: number[] | null;
}
