import { describe, expect, it } from 'vitest';
import { createLocalLiveEvents, type LiveChange } from './live-events';
import { inScope, liveChanges } from './live-changes';

const change = (communityCode: string): LiveChange => ({
  kind: 'CASE_REPORTED',
  communityCode,
  subDistrictCode: '410200-001',
  gridCode: 'g',
  at: new Date(),
});

describe('live changes', () => {
  it('delivers the changes in scope, in order, and stops listening when the subscriber leaves', async () => {
    const live = createLocalLiveEvents();
    const iterator = liveChanges(live, (c) => inScope('kangle', c));
    const first = iterator.next();
    await live.publish(change('xinhua'));
    await live.publish(change('kangle'));
    await live.publish(change('kangle'));
    expect((await first).value.communityCode).toBe('kangle');
    expect((await iterator.next()).value.communityCode).toBe('kangle');
    const pending = iterator.next();
    await iterator.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('matches a scope by community, sub-district or all', () => {
    expect(inScope('all', change('kangle'))).toBe(true);
    expect(inScope('410200-001', change('kangle'))).toBe(true);
    expect(inScope('xinhua', change('kangle'))).toBe(false);
  });
});
