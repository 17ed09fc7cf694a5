import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../server/src/modules/admin/admin.service';
import { startTestServer, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN, type TestServer } from './harness';

let server: TestServer;
const cookies: Record<string, { cookie: string }> = {};
beforeAll(async () => {
  server = await startTestServer();
  const accounts = [
    { username: 'privacy.leader.in', role: 'LEADER', scope: 'kangle' },
    { username: 'privacy.leader.out', role: 'LEADER', scope: 'gonghelu' },
    { username: 'privacy.analyst', role: 'ANALYST', scope: null },
    { username: 'privacy.analyst.out', role: 'ANALYST', scope: 'gonghelu' },
  ] as const;
  for (const a of accounts) {
    await createAccount(
      server.db,
      { name: 'test', address: null },
      { ...a, displayName: a.username, password: 'privacy-password-1' },
    );
    cookies[a.username] = { cookie: (await server.signIn(a.username, 'privacy-password-1')).cookie! };
  }
});
afterAll(() => server.close());

/** Every field of a case that tells about residents or staff. */
const SENSITIVE = `{ cases(filter: { communityCode: "kangle" }, first: 5) { edges { node {
  code category status description location { lat lng } building { code }
  reporter { name phone } events { to actor note } } } } }`;

type Node = {
  description: string | null;
  location: unknown;
  building: unknown;
  reporter: unknown;
  category: string;
  events: { to: string; actor: string | null; note: string | null }[];
};

async function casesAs(credentials?: string | Record<string, string>): Promise<Node[]> {
  const answer = await server.gql(SENSITIVE, {}, credentials);
  expect(answer.errors).toBeUndefined();
  return answer.data!.cases.edges.map((e: { node: Node }) => e.node);
}

it('shows a visitor and a wall the category, state and dates of cases, and nothing a resident or worker said or did', async () => {
  for (const who of [undefined, TEST_DISPLAY_TOKEN]) {
    const nodes = await casesAs(who);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.category).toBeTruthy();
      expect([node.description, node.location, node.building, node.reporter]).toEqual([null, null, null, null]);
      expect(node.events.every((e) => e.actor === null && e.note === null)).toBe(true);
    }
  }
});

it('lets signed-in roles read cases of their own area only, and only admins and leaders the people', async () => {
  const readable = async (credentials: string | Record<string, string>) => {
    const nodes = await casesAs(credentials);
    return {
      description: nodes.every((n) => typeof n.description === 'string'),
      location: nodes.some((n) => n.location !== null),
      actors: nodes.every((n) => n.events.every((e) => typeof e.actor === 'string')),
      reporter: nodes.some((n) => n.reporter !== null),
    };
  };
  const all = { description: true, location: true, actors: true };
  expect(await readable(TEST_ADMIN_TOKEN)).toEqual({ ...all, reporter: true });
  expect(await readable(cookies['privacy.leader.in'])).toEqual({ ...all, reporter: true });
  expect(await readable(cookies['privacy.analyst'])).toEqual({ ...all, reporter: false });
  const outside = { description: false, location: false, actors: false, reporter: false };
  expect(await readable(cookies['privacy.leader.out'])).toEqual(outside);
  expect(await readable(cookies['privacy.analyst.out'])).toEqual(outside);
});

it('shows where buildings stand to signed-in roles and tokens, not to visitors and walls', async () => {
  const grid = await server.db.grid.findFirstOrThrow({
    where: { community: { code: 'kangle' }, buildings: { some: { lat: { not: null } } } },
    orderBy: { code: 'asc' },
  });
  const PLACES = `query($grid: String!) {
    grid(code: $grid) { buildings { location { lat lng } } }
    mapFeatures(level: BUILDING, metric: POPULATION, gridCode: $grid)
  }`;
  const placesAs = async (credentials?: string | Record<string, string>) => {
    const answer = await server.gql(PLACES, { grid: grid.code }, credentials);
    expect(answer.errors).toBeUndefined();
    return {
      located: answer.data!.grid.buildings.filter((b: { location: unknown }) => b.location !== null).length,
      drawn: answer.data!.mapFeatures.features.length,
    };
  };
  const signedIn = await placesAs(cookies['privacy.analyst.out']);
  expect(signedIn.located).toBeGreaterThan(0);
  expect(signedIn.drawn).toBe(signedIn.located);
  expect(await placesAs(TEST_ADMIN_TOKEN)).toEqual(signedIn);
  for (const who of [undefined, TEST_DISPLAY_TOKEN]) expect(await placesAs(who)).toEqual({ located: 0, drawn: 0 });
});
