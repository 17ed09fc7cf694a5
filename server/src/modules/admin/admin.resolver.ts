import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { assertAdmin } from '../../auth/viewer';
import type { Context } from '../../context';
import { CreateAccountInput, CreateTokenInput } from './admin.input';
import {
  createAccount,
  issueToken,
  listAccounts,
  listTokens,
  recentAuditEvents,
  resetPassword,
  revokeToken,
  setAccountDisabled,
  type Actor,
} from './admin.service';
import { Account, ApiToken, AuditEvent, CreatedAccount, CreatedToken } from './admin.type';

/** The admin's own name and address, once it is checked that the viewer is an admin. */
function adminActor(ctx: Context): Actor {
  assertAdmin(ctx.viewer);
  return { name: ctx.viewer.name ?? 'admin', address: ctx.address };
}

/** Accounts, tokens and the audit log: admins only (/admin/users). */
@Resolver()
export class AdminResolver {
  @Query(() => [Account], { description: 'Admin only' })
  accounts(@Ctx() ctx: Context) {
    adminActor(ctx);
    return listAccounts(ctx.db);
  }

  @Query(() => [ApiToken], { description: 'Admin only' })
  apiTokens(@Ctx() ctx: Context) {
    adminActor(ctx);
    return listTokens(ctx.db);
  }

  @Query(() => [AuditEvent], { description: 'Admin only; newest first' })
  auditEvents(@Ctx() ctx: Context, @Arg('last', () => Int, { defaultValue: 50 }) last: number) {
    adminActor(ctx);
    return recentAuditEvents(ctx.db, last);
  }

  @Mutation(() => CreatedAccount, { description: 'Admin only. The password is made here and shown once' })
  createAccount(@Ctx() ctx: Context, @Arg('input', () => CreateAccountInput) input: CreateAccountInput) {
    return createAccount(ctx.db, adminActor(ctx), input);
  }

  @Mutation(() => Account, { description: 'Admin only. Disabling ends the account’s sessions at once' })
  setAccountDisabled(
    @Ctx() ctx: Context,
    @Arg('username', () => String) username: string,
    @Arg('disabled', () => Boolean) disabled: boolean,
  ) {
    return setAccountDisabled(ctx.db, adminActor(ctx), username, disabled);
  }

  @Mutation(() => String, { description: 'Admin only. Returns the new password, once; the account’s sessions end' })
  resetPassword(@Ctx() ctx: Context, @Arg('username', () => String) username: string) {
    return resetPassword(ctx.db, adminActor(ctx), username);
  }

  @Mutation(() => CreatedToken, { description: 'Admin only. The token is shown once' })
  createApiToken(@Ctx() ctx: Context, @Arg('input', () => CreateTokenInput) input: CreateTokenInput) {
    return issueToken(ctx.db, adminActor(ctx), input);
  }

  @Mutation(() => ApiToken, { description: 'Admin only. Requests and walls with the token are refused from now on' })
  revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => Int) id: number) {
    return revokeToken(ctx.db, adminActor(ctx), id);
  }
}
