import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { daysOverdue } from '../../../../shared/case/days-overdue';
import type { CaseStatus } from '../../../../shared/case/workflow';
import { canReadCaseDetail, canSeePersonalData } from '../../auth/viewer';
import type { Context } from '../../context';
import { CaseOrderEnum, CaseStatusEnum, type CaseOrder } from '../../graphql/enums';
import { Building } from '../building/building.type';
import { Community } from '../community/community.type';
import { loadGridPlace } from '../grid/grid.service';
import { Grid } from '../grid/grid.type';
import { LatLng } from '../metric/metric.type';
import { CaseFilter, ReportCaseInput } from './case.input';
import { extendCaseDeadline, findCase, listCases, reportCase, transitionCase } from './case.service';
import { Contact } from '../../auth/contact.type';
import { selects } from '../../graphql/selection';
import { Case, CaseConnection, CaseEvent } from './case.type';

const readable = async (ctx: Context, c: Case) => canReadCaseDetail(ctx.viewer, await loadGridPlace(ctx, c.gridId));

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => CaseConnection, {
    description: 'Cases, newest first unless orderBy says otherwise, as a Relay connection',
  })
  cases(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => CaseOrderEnum, { nullable: true, description: 'Default NEWEST' }) orderBy?: CaseOrder,
  ) {
    return listCases(ctx.db, filter, first ?? 50, after, orderBy, selects(info, 'totalCount'));
  }

  @Query(() => Case, { nullable: true, description: 'One case by its code; null when there is none' })
  case(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return findCase(ctx.db, code);
  }

  @Mutation(() => Case, {
    description: 'Report a case (上报). Needs an admin, leader or grid worker token covering the grid.',
  })
  reportCase(@Arg('input', () => ReportCaseInput) input: ReportCaseInput, @Ctx() ctx: Context) {
    return reportCase(ctx, input);
  }

  @Mutation(() => Case, {
    description:
      'Move a case along the GB/T 30428 workflow; an illegal move fails with ILLEGAL_TRANSITION and changes nothing. Postponing (POSTPONED, 缓办) needs a leader or admin and a note saying why.',
  })
  transitionCase(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('to', () => CaseStatusEnum) to: CaseStatus,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return transitionCase(ctx, code, to, note);
  }

  @Mutation(() => Case, {
    description:
      '延期: a leader or admin approves a later deadline for an open case, with the reason; the case counts as extended',
  })
  extendCaseDeadline(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('deadline', () => Date) deadline: Date,
    @Arg('reason', () => String) reason: string,
  ) {
    return extendCaseDeadline(ctx, code, deadline, reason);
  }

  @FieldResolver(() => Community)
  community(@Root() c: Case, @Ctx() ctx: Context) {
    return ctx.loaders.communityById.load(c.communityId);
  }

  @FieldResolver(() => Grid)
  grid(@Root() c: Case, @Ctx() ctx: Context) {
    return ctx.loaders.gridById.load(c.gridId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the resident or worker reported; null unless the caller may read the case (signed in, its area)',
  })
  async description(@Root() c: Case, @Ctx() ctx: Context) {
    return (await readable(ctx, c)) ? c.description : null;
  }

  @FieldResolver(() => Building, { nullable: true, description: 'Null unless the caller may read the case' })
  async building(@Root() c: Case, @Ctx() ctx: Context) {
    if (c.buildingId === null || !(await readable(ctx, c))) return null;
    return (await ctx.loaders.buildingsByGrid.load(c.gridId)).find((b) => b.id === c.buildingId) ?? null;
  }

  @FieldResolver(() => LatLng, {
    nullable: true,
    description:
      'Where the case is (its building, else the grid centre); null without one or unless the caller may read the case',
  })
  async location(@Root() c: Case, @Ctx() ctx: Context) {
    if (c.lat === null || c.lng === null || !(await readable(ctx, c))) return null;
    return { lat: c.lat, lng: c.lng };
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its deadline' })
  overdue(@Root() c: Case) {
    return daysOverdue(c) !== null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      '超期天数: local calendar days (TIME_ZONE) from the day the deadline passed to today, 0 on that day; null unless overdue',
  })
  daysOverdue(@Root() c: Case) {
    return daysOverdue(c);
  }

  @FieldResolver(() => [CaseEvent], { description: 'Every step; who and why only for those who may read the case' })
  async events(@Root() c: Case, @Ctx() ctx: Context) {
    const events = await ctx.loaders.eventsByCase.load(c.id);
    return (await readable(ctx, c)) ? events : events.map((e) => ({ ...e, actor: null, note: null }));
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
