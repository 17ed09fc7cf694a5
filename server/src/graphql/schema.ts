import 'reflect-metadata';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { ViewerResolver } from '../auth/viewer.resolver';
import { BuildingResolver } from '../modules/building/building.resolver';
import { CaseResolver } from '../modules/case/case.resolver';
import { CommunityResolver } from '../modules/community/community.resolver';
import { GridResolver } from '../modules/grid/grid.resolver';
import { MapResolver } from '../modules/map/map.resolver';
import { StatsResolver } from '../modules/metric/stats.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { VolunteerResolver } from '../modules/volunteer/volunteer.resolver';
import { readPolicy } from '../auth/read-policy';
import './enums';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url).pathname;

export function buildAppSchema(emitSchemaFile: string | false = false) {
  return buildSchema({
    resolvers: [CommunityResolver, GridResolver, BuildingResolver, MapResolver, StatsResolver, CaseResolver, VolunteerResolver, SearchResolver, ViewerResolver],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    globalMiddlewares: [readPolicy],
    validate: false,
    emitSchemaFile: emitSchemaFile ? { path: emitSchemaFile, sortedSchema: true } : false,
  });
}
