import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ClassRange', {
  simpleResolvers: true,
  description: 'One class of a map legend: values from … to, both inclusive',
})
export class ClassRangeInfo {
  @Field(() => Float)
  from!: number;
  @Field(() => Float)
  to!: number;
}

@ObjectType('MapPlaceValues', {
  simpleResolvers: true,
  description:
    'Every place of a map level with its value, as three lists in the same order (by code): what a map drawn from vector tiles colours each shape by',
})
export class MapPlaceValuesInfo {
  @Field(() => [String])
  codes!: string[];
  @Field(() => [Float], { nullable: 'items', description: 'The metric’s value; null when unknown' })
  values!: (number | null)[];
  @Field(() => [Boolean], { description: 'A rate over fewer than 5 cases: not stated, and not in the classes' })
  tooFewCases!: boolean[];
}

@ObjectType('MapLegend', {
  simpleResolvers: true,
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
  @Field(() => MapPlaceValuesInfo, { description: 'The value of every place the classes are taken over' })
  places!: MapPlaceValuesInfo;
}

@ObjectType('MapBounds', { simpleResolvers: true, description: 'An extent in WGS-84 degrees' })
export class MapBoundsInfo {
  @Field(() => Float) west!: number;
  @Field(() => Float) south!: number;
  @Field(() => Float) east!: number;
  @Field(() => Float) north!: number;
}

@ObjectType('MapTiles', {
  simpleResolvers: true,
  description:
    'Where the places’ shapes are served as Mapbox Vector Tiles: sub-districts below communityMinZoom, communities, and grids from gridMinZoom; values come from mapLegend { places }',
})
export class MapTilesInfo {
  @Field(() => String, {
    description:
      'URL template /tiles/{z}/{x}/{y}.pbf?v=… (XYZ, 256-pixel numbering) of the boundaries drawn in the period; v changes when they do',
  })
  url!: string;
  @Field(() => Int, {
    description:
      'The tile zoom from which tiles hold communities; below it, sub-districts (each its communities dissolved into one shape). 0 unless there are more than 500 located communities: then the zoom at which the median community is 12 px across',
  })
  communityMinZoom!: number;
  @Field(() => Int, { description: 'The tile zoom from which tiles hold grids instead of communities' })
  gridMinZoom!: number;
  @Field(() => MapBoundsInfo, {
    nullable: true,
    description: 'The extent of the located communities; null when none is',
  })
  bounds!: MapBoundsInfo | null;
}
