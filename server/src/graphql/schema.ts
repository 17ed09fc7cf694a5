import 'reflect-metadata';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, type PubSub } from 'type-graphql';
import { liveChanges } from '../live/live-changes';
import { createLocalLiveEvents, type LiveChange, type LiveEvents } from '../live/live-events';
import { ViewerResolver } from '../auth/viewer.resolver';
import { AdminResolver } from '../modules/admin/admin.resolver';
import { CommunityProvenanceResolver, GridProvenanceResolver, PlaceResolver } from '../modules/import/import.resolver';
import { BuildingResolver } from '../modules/building/building.resolver';
import { CaseResolver } from '../modules/case/case.resolver';
import { CommunityResolver } from '../modules/community/community.resolver';
import { GridResolver } from '../modules/grid/grid.resolver';
import { MapResolver } from '../modules/map/map.resolver';
import {
  ComparisonRowResolver,
  MetricValueResolver,
  RankingRowResolver,
  StatsResolver,
} from '../modules/metric/stats.resolver';
import { LiveResolver } from '../modules/live/live.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { VolunteerResolver } from '../modules/volunteer/volunteer.resolver';
import './enums';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url).pathname;

/** type-graphql's PubSub over the server's live events: one topic, filtered per subscription by scope. */
function pubSubOver(live: LiveEvents): PubSub {
  return {
    publish: (_topic, change) => void live.publish(change as LiveChange),
    subscribe: () => liveChanges(live, () => true),
  };
}

export function buildAppSchema(live: LiveEvents = createLocalLiveEvents(), emitSchemaFile: string | false = false) {
  return buildSchema({
    pubSub: pubSubOver(live),
    resolvers: [
      CommunityResolver,
      GridResolver,
      BuildingResolver,
      MapResolver,
      StatsResolver,
      MetricValueResolver,
      RankingRowResolver,
      ComparisonRowResolver,
      CaseResolver,
      VolunteerResolver,
      SearchResolver,
      LiveResolver,
      ViewerResolver,
      AdminResolver,
      CommunityProvenanceResolver,
      GridProvenanceResolver,
      PlaceResolver,
    ],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
    emitSchemaFile: emitSchemaFile ? { path: emitSchemaFile, sortedSchema: true } : false,
  });
}
