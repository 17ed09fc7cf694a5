import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer } from './harness';

// A database whose table was renamed away: the resolvers meet an error nobody planned for.
let broken: ScratchDatabase;
beforeAll(async () => {
  broken = await seededDatabase();
  const server = await startTestServer({ DATABASE_URL: broken.url });
  await server.db.$executeRawUnsafe('ALTER TABLE "VolunteerTeam" RENAME TO "VolunteerTeamGone"');
  await server.close();
});
afterAll(() => broken.drop());

const QUERY = '{ summary(metrics: [VOLUNTEERS]) { value } }';

it('answers an unexpected error without its detail or a stack trace, as npm start runs', async () => {
  const server = await startTestServer({ DATABASE_URL: broken.url });
  try {
    const answer = await server.gql(QUERY);
    expect(answer.errors).toEqual([
      { message: 'Internal server error', path: ['summary'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  } finally {
    await server.close();
  }
});

it('gives the message and the stack trace in development (npm run dev)', async () => {
  const server = await startTestServer({ DATABASE_URL: broken.url, NODE_ENV: 'development' });
  try {
    const [error] = (await server.gql(QUERY)).errors as { message: string; extensions: { stacktrace?: string[] } }[];
    expect(error.message).toContain('VolunteerTeam');
    expect(error.extensions.stacktrace?.length).toBeGreaterThan(1);
  } finally {
    await server.close();
  }
});
