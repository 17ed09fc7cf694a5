import { Field, Int, ObjectType } from 'type-graphql';
import type { CaseStatus } from '../../../../shared/case/workflow';
import type { CaseCategory, CaseSource } from '../../../../shared/enums';
import { CaseCategoryEnum, CaseSourceEnum, CaseStatusEnum } from '../../graphql/enums';

@ObjectType({ simpleResolvers: true })
export class CaseEvent {
  @Field(() => CaseStatusEnum, { nullable: true }) from!: CaseStatus | null;
  @Field(() => CaseStatusEnum) to!: CaseStatus;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true, description: 'Who moved it; null unless the caller may read the case' })
  actor!: string | null;
  @Field(() => String, { nullable: true, description: 'Null unless the caller may read the case' })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: '事件/工单: a case that must be closed on time' })
export class Case {
  id!: number;
  gridId!: number;
  communityId!: number;
  buildingId!: number | null;
  reporterName!: string | null;
  reporterPhone!: string | null;
  lat!: number | null;
  lng!: number | null;
  @Field(() => String) code!: string;
  @Field(() => CaseCategoryEnum) category!: CaseCategory;
  @Field(() => CaseSourceEnum) source!: CaseSource;
  @Field(() => CaseStatusEnum) status!: CaseStatus;
  description!: string;
  @Field(() => Date) reportedAt!: Date;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Date, { description: 'The deadline in force: an approved extension (延期) moves it' }) deadline!: Date;
  @Field(() => Date, { nullable: true, description: '缓办: when postponing was approved; null once dispatched again' })
  postponedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '延期: when the deadline was first extended' })
  extendedAt!: Date | null;
  @Field(() => Int, { description: '返工: times verification sent the case back to handling' }) reworks!: number;
  @Field(() => Int, { nullable: true, description: '1–5' }) satisfaction!: number | null;
  @Field(() => Boolean) generated!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class CaseEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Case) node!: Case;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class CaseConnection {
  @Field(() => [CaseEdge]) edges!: CaseEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All cases of the filter, counted only when asked for' }) totalCount!: number;
}
