import { Field, InputType } from 'type-graphql';
import type { CaseStatus } from '../../../../shared/case/workflow';
import type { CaseCategory, CaseSource } from '../../../../shared/enums';
import { CaseCategoryEnum, CaseSourceEnum, CaseStatusEnum } from '../../graphql/enums';

@InputType()
export class ReportCaseInput {
  @Field(() => String) gridCode!: string;
  @Field(() => CaseCategoryEnum) category!: CaseCategory;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) buildingCode?: string;
  @Field(() => CaseSourceEnum, { nullable: true, description: 'Default PATROL' }) source?: CaseSource;
  @Field(() => String, { nullable: true }) reporterName?: string;
  @Field(() => String, { nullable: true }) reporterPhone?: string;
}

@InputType()
export class CaseFilter {
  @Field(() => String, { nullable: true }) communityCode?: string;
  @Field(() => String, { nullable: true }) gridCode?: string;
  @Field(() => [CaseStatusEnum], { nullable: true }) status?: CaseStatus[];
  @Field(() => [CaseCategoryEnum], { nullable: true }) category?: CaseCategory[];
  @Field(() => Boolean, { nullable: true, description: 'Only cases not yet closed or rejected' }) open?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Only open cases past their deadline' }) overdue?: boolean;
  @Field(() => Date, { nullable: true, description: 'Reported at or after' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Reported before' }) to?: Date;
}
