import { Field, Int, ObjectType } from 'type-graphql';
import type { Role } from '../../../../shared/enums';
import { RoleEnum } from '../../graphql/enums';

@ObjectType({ simpleResolvers: true, description: 'A person who signs in at /login' })
export class Account {
  id!: number;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { nullable: true, description: 'Sub-district, community or grid code; null means all' })
  scope!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastLoginAt!: Date | null;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An API token: for scripts, integrations and the walls (display tokens)',
})
export class ApiToken {
  @Field(() => Int) id!: number;
  @Field(() => String) name!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { nullable: true }) scope!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'To the minute' }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class CreatedAccount {
  @Field(() => Account) account!: Account;
  @Field(() => String, { description: 'The password, shown this once: hand it over, it cannot be read again' })
  password!: string;
}

@ObjectType({ simpleResolvers: true })
export class CreatedToken {
  @Field(() => ApiToken) token!: ApiToken;
  @Field(() => String, { description: 'The token, shown this once' }) value!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A sign-in, failed sign-in, lock, sign-out, or change to accounts and tokens',
})
export class AuditEvent {
  @Field(() => Int) id!: number;
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: 'login, login.failed, login.locked, logout, account.created, token.revoked, …' })
  action!: string;
  @Field(() => String) actor!: string;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON' }) detail!: string | null;
}
