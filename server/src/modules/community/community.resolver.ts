import type { GeoJsonObject } from 'geojson';
import { GraphQLJSON } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Metric } from '../../../../shared/metrics/definitions';
import type { Context } from '../../context';
import { MetricEnum } from '../../graphql/enums';
import { gridColumns } from '../grid/grid.resolver';
import { columnsAsked } from '../../graphql/selection';
import { Prisma } from '../../../generated/sqlite/client';
import { Grid } from '../grid/grid.type';
import { loadMetricValue } from '../metric/metric.loader';
import { LatLng, MetricValue } from '../metric/metric.type';
import { memberTotal } from '../../../../shared/metrics/party-members';
import { findCommunity, listCommunities } from './community.service';
import { Community, PartyMembersByCategory, PartyOrganization, SubDistrict, VolunteerTeam } from './community.type';

/** The columns of community rows a selection of communities reads (see `gridColumns`). */
const communityColumns = columnsAsked(
  Prisma.CommunityScalarFieldEnum,
  { hasLocation: ['centroidLat'], centroid: ['centroidLat', 'centroidLng'] },
  ['id', 'subDistrictId', 'code'],
);

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => [Community], { description: 'Every community, in the order they were loaded' })
  communities(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listCommunities(ctx.db, communityColumns(info));
  }

  @Query(() => Community, { nullable: true })
  community(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return findCommunity(ctx.db, code);
  }

  @FieldResolver(() => SubDistrict)
  subDistrict(@Root() community: Community, @Ctx() ctx: Context) {
    return ctx.loaders.subDistrictById.load(community.subDistrictId);
  }

  @FieldResolver(() => Boolean, {
    description: 'False when the source gives no place: no geometry, never drawn at 0,0',
  })
  hasLocation(@Root() community: Community) {
    return community.centroidLat !== null;
  }

  @FieldResolver(() => LatLng, { nullable: true })
  centroid(@Root() community: Community) {
    return community.centroidLat === null ? null : { lat: community.centroidLat, lng: community.centroidLng };
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'GeoJSON polygon (WGS-84), generated around the approximate centroid',
  })
  boundary(@Root() community: Community): GeoJsonObject | null {
    return community.boundary ? JSON.parse(community.boundary) : null;
  }

  @FieldResolver(() => [String], {
    description: 'Figures the generator filled in because the source does not state them',
  })
  generatedFields(@Root() community: Community): string[] {
    return JSON.parse(community.generatedFields);
  }

  @FieldResolver(() => Int)
  async partyMembers(@Root() community: Community, @Ctx() ctx: Context) {
    return (await loadMetricValue(ctx, 'community', community.id, 'PARTY_MEMBERS')).value;
  }

  @FieldResolver(() => PartyMembersByCategory)
  async partyMembersByCategory(@Root() community: Community, @Ctx() ctx: Context) {
    const orgs = await ctx.loaders.partyOrgsByCommunity.load(community.id);
    const sum = (pick: (o: (typeof orgs)[number]) => number) => orgs.reduce((total, org) => total + pick(org), 0);
    return {
      resident: sum((o) => o.residentMembers),
      inService: sum((o) => o.inServiceMembers),
      retired: sum((o) => o.retiredMembers),
      mobile: sum((o) => o.mobileMembers),
    };
  }

  @FieldResolver(() => [PartyOrganization])
  async partyOrganizations(@Root() community: Community, @Ctx() ctx: Context) {
    return (await ctx.loaders.partyOrgsByCommunity.load(community.id)).map((org) => ({
      ...org,
      members: memberTotal(org),
    }));
  }

  @FieldResolver(() => Int, { description: 'Registered volunteers: the stated figure, else the sum of team members' })
  async volunteers(@Root() community: Community, @Ctx() ctx: Context) {
    return (await loadMetricValue(ctx, 'community', community.id, 'VOLUNTEERS')).value;
  }

  @FieldResolver(() => [VolunteerTeam])
  volunteerTeams(@Root() community: Community, @Ctx() ctx: Context) {
    return ctx.loaders.teamsByCommunity.load(community.id);
  }

  @FieldResolver(() => Float, {
    description: 'Sum of logged volunteer hours in the period (default: the last 365 days)',
  })
  async volunteerHours(
    @Root() community: Community,
    @Ctx() ctx: Context,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return (await loadMetricValue(ctx, 'community', community.id, 'VOLUNTEER_HOURS', from, to)).value ?? 0;
  }

  @FieldResolver(() => MetricValue)
  metric(
    @Root() community: Community,
    @Ctx() ctx: Context,
    @Arg('metric', () => MetricEnum) metric: Metric,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ) {
    return loadMetricValue(ctx, 'community', community.id, metric, from, to);
  }

  @FieldResolver(() => [Grid])
  grids(@Root() community: Community, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.gridsByCommunity(gridColumns(info)).load(community.id);
  }
}
