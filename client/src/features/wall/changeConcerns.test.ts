import { describe, expect, it } from 'vitest';
import { changeConcerns, type LiveChange } from './changeConcerns';

const change = (communityCode: string, gridCode: string): LiveChange => ({
  kind: 'CASE_REPORTED',
  communityCode,
  gridCode,
  at: '2026-12-02T08:00:00Z',
});
const item = (variables: { communityCode?: string; gridCode?: string }) => ({ queryName: 'WallItem', variables });

describe('which of a wall’s queries a change concerns', () => {
  it('refetches the item on screen only for a change in it', () => {
    const inKangle = [change('kangle', 'kangle-01')];
    expect(changeConcerns(inKangle, item({ communityCode: 'kangle' }))).toBe(true);
    expect(changeConcerns(inKangle, item({ communityCode: 'xinhua' }))).toBe(false);
    expect(changeConcerns(inKangle, item({ gridCode: 'kangle-01' }))).toBe(true);
    expect(changeConcerns(inKangle, item({ gridCode: 'kangle-02' }))).toBe(false);
    expect(changeConcerns([change('xinhua', 'xinhua-03'), ...inKangle], item({ communityCode: 'kangle' }))).toBe(true);
  });

  it('always refetches what the whole scope shows', () => {
    const inKangle = [change('kangle', 'kangle-01')];
    expect(changeConcerns(inKangle, { queryName: 'WallRanking', variables: { communityCode: null } })).toBe(true);
    expect(changeConcerns(inKangle, { queryName: 'WallLatestCases', variables: { communityCode: 'xinhua' } })).toBe(
      true,
    );
    expect(changeConcerns(inKangle, item({}))).toBe(true);
  });
});
