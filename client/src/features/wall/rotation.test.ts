import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, RotationService } from './rotation';

describe('wall rotation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes through every item, then moves to the next metric', () => {
    let state = { item: 0, metric: 0, loops: 0 };
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) seen.push(`${(state = advance(state, 3, 2)).item}/${state.metric}`);
    expect(seen).toEqual(['1/0', '2/0', '0/1', '1/1', '2/1', '0/0']);
  });

  it('ticks on the interval and asks for a reload after the given number of loops', () => {
    const ticks: number[] = [];
    const onReload = vi.fn();
    const rotation = new RotationService({
      items: 2,
      metrics: 1,
      intervalMs: 20_000,
      reloadEvery: 3,
      onTick: (s) => ticks.push(s.item),
      onReload,
    });
    rotation.start();
    vi.advanceTimersByTime(19_999);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ticks).toEqual([1]);
    vi.advanceTimersByTime(20_000 * 5);
    expect(onReload).toHaveBeenCalledTimes(1);
    rotation.stop();
    vi.advanceTimersByTime(60_000);
    expect(ticks).toHaveLength(6);
  });

  it('refuses an empty rotation', () => {
    expect(() => advance({ item: 0, metric: 0, loops: 0 }, 0, 1)).toThrow(/at least one item/);
  });

  it('waits on an item until it is shown, however many intervals that takes', () => {
    const ticks: number[] = [];
    let shown = false;
    const rotation = new RotationService({
      items: 3,
      metrics: 1,
      intervalMs: 40,
      reloadEvery: 0,
      onTick: (s) => ticks.push(s.item),
      onReload: () => undefined,
      shown: () => shown,
    });
    rotation.start();
    vi.advanceTimersByTime(400);
    expect(ticks).toEqual([]);
    shown = true;
    vi.advanceTimersByTime(80);
    expect(ticks).toEqual([1, 2]);
    rotation.stop();
  });
});
