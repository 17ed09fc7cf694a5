import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A sub-district, community, grid or building, checked as an imported feature is' })
export class PlaceInput {
  @Field(() => String, { description: 'SUB_DISTRICT, COMMUNITY, GRID or BUILDING' }) level!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Default: the code without its last part' })
  parentCode?: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'A GeoJSON Polygon or MultiPolygon (a Point for a building); none for a sub-district',
  })
  boundary?: unknown;
  @Field(() => String, { nullable: true, description: 'wgs84 (default), gcj02, bd09, cgcs2000 or EPSG:NNNN' })
  crs?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD from which a changed boundary holds; default today' })
  asOf?: string | null;
}
