import { Field, InputType } from 'type-graphql';
import type { Role } from '../../../../shared/enums';
import { RoleEnum } from '../../graphql/enums';

@InputType()
export class CreateAccountInput {
  @Field(() => String, { description: 'Lower-case letters, digits, . _ -; e.g. li.ming' }) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => RoleEnum, { description: 'ADMIN, LEADER, ANALYST or GRID_WORKER' }) role!: Role;
  @Field(() => String, { nullable: true, description: 'Sub-district or community code; a grid code for a grid worker' })
  scope?: string | null;
}

@InputType()
export class CreateTokenInput {
  @Field(() => String, { description: 'Which screen, script or person it is for, e.g. 大厅一号屏' }) name!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { nullable: true }) scope?: string | null;
  @Field(() => Date, { nullable: true, description: 'Refused from this moment on; null: never expires' })
  expiresAt?: Date | null;
}
