import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isOpen, type CaseStatus } from '../../../../shared/case/workflow';
import { canSeePersonalData } from '../../auth/viewer';
import type { Context } from '../../context';
import { CaseStatusEnum } from '../../graphql/enums';
import { Building } from '../building/building.type';
import { Community } from '../community/community.type';
import { loadGridPlace } from '../grid/grid.service';
import { Grid } from '../grid/grid.type';
import { LatLng } from '../metric/metric.type';
import { CaseFilter, ReportCaseInput } from './case.input';
import { listCases, reportCase, transitionCase } from './case.service';
import { Contact } from '../../auth/contact.type';
import { Case, CaseConnection, CaseEvent } from './case.type';

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => CaseConnection, { description: 'Cases, newest first, as a Relay connection' })
  cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listCases(ctx.db, filter, first ?? 50, after);
  }

  @Mutation(() => Case, {
    description: 'Report a case (上报). Needs an admin, leader or grid worker token covering the grid.',
  })
  reportCase(@Arg('input', () => ReportCaseInput) input: ReportCaseInput, @Ctx() ctx: Context) {
    return reportCase(ctx, input);
  }

  @Mutation(() => Case, {
    description:
      'Move a case along the GB/T 30428 workflow; an illegal move fails with ILLEGAL_TRANSITION and changes nothing.',
  })
  transitionCase(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('to', () => CaseStatusEnum) to: CaseStatus,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return transitionCase(ctx, code, to, note);
  }

  @FieldResolver(() => Community)
  community(@Root() c: Case, @Ctx() ctx: Context) {
    return ctx.loaders.communityById.load(c.communityId);
  }

  @FieldResolver(() => Grid)
  grid(@Root() c: Case, @Ctx() ctx: Context) {
    return ctx.loaders.gridById.load(c.gridId);
  }

  @FieldResolver(() => Building, { nullable: true })
  async building(@Root() c: Case, @Ctx() ctx: Context) {
    if (c.buildingId === null) return null;
    return (await ctx.loaders.buildingsByGrid.load(c.gridId)).find((b) => b.id === c.buildingId) ?? null;
  }

  @FieldResolver(() => LatLng, {
    nullable: true,
    description: 'Where the case is (its building, else the grid centre); null without a location',
  })
  location(@Root() c: Case) {
    return c.lat === null || c.lng === null ? null : { lat: c.lat, lng: c.lng };
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its deadline' })
  overdue(@Root() c: Case) {
    return isOpen(c.status) && c.deadline < new Date();
  }

  @FieldResolver(() => [CaseEvent])
  events(@Root() c: Case, @Ctx() ctx: Context) {
    return ctx.loaders.eventsByCase.load(c.id);
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'Null unless the caller may see personal data of this grid',
  })
  async reporter(@Root() c: Case, @Ctx() ctx: Context) {
    if (!canSeePersonalData(ctx.viewer, await loadGridPlace(ctx, c.gridId))) return null;
    return { name: c.reporterName, phone: c.reporterPhone };
  }
}
