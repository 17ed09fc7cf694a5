import { assertCanWrite } from '../../auth/viewer';
import type { Context } from '../../context';
import { badInput, notFound } from '../../graphql/errors';
import { requireGridPlace } from '../grid/grid.service';
import { logContribution } from '../../../../shared/metrics/rollups';
import { once } from '../../graphql/idempotency';
import { boundedText, plausibleDate } from '../../graphql/input-bounds';
import { applyRollupDeltas } from '../rollup/rollup.service';
import type { LogVolunteerHoursInput } from './volunteer.input';

export async function logVolunteerHours(ctx: Context, input: LogVolunteerHoursInput) {
  const { grid, place } = await requireGridPlace(ctx.db, input.gridCode);
  assertCanWrite(ctx.viewer, place);
  const team = await ctx.db.volunteerTeam.findUnique({ where: { id: input.teamId } });
  if (!team) throw notFound(`Volunteer team ${input.teamId}`);
  if (team.communityId !== grid.communityId)
    throw badInput(`Team ${team.name} belongs to another community than grid ${grid.code}`);
  if (!Number.isInteger(input.participants) || input.participants < 1 || input.participants > 10_000)
    throw badInput('participants must be a whole number from 1 to 10,000');
  if (!(input.hours > 0) || input.hours > input.participants * 24)
    throw badInput(`hours must be more than 0 and at most 24 per participant (${input.participants * 24})`);
  const date = plausibleDate(input.date ?? new Date(), 'date');
  if (date.getTime() > Date.now() + 60_000) throw badInput('Volunteer hours cannot be logged for a future date');
  const description = boundedText(input.description, 'description', 500, true)!;
  const find = (id: string) => ctx.db.volunteerLog.findUniqueOrThrow({ where: { id: Number(id) } });
  return once(ctx, 'logVolunteerHours', find, async (remember) => {
    const log = await ctx.db.$transaction(async (tx) => {
      const row = await tx.volunteerLog.create({
        data: {
          teamId: team.id,
          gridId: grid.id,
          date,
          participants: input.participants,
          hours: input.hours,
          description,
          generated: false,
        },
      });
      await applyRollupDeltas(tx, [
        logContribution({ gridId: grid.id, communityId: grid.communityId, date, hours: input.hours }),
      ]);
      await remember(tx, String(row.id));
      return row;
    });
    await ctx.live.publish({
      kind: 'VOLUNTEER_HOURS_LOGGED',
      communityCode: grid.community.code,
      subDistrictCode: place.subDistrictCode,
      gridCode: grid.code,
      at: new Date(),
    });
    return log;
  });
}
