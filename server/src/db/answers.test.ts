import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryAnswers } from './answers';
import { readConfig } from '../config';

/** A computation that counts its runs and settles when told. */
function computation(result: unknown) {
  let settle: () => void = () => undefined;
  const compute = vi.fn(() => new Promise((resolve) => (settle = () => resolve(result))));
  return { compute, settle: () => settle() };
}

describe('answers kept in memory', () => {
  afterEach(() => void vi.useRealTimers());

  it('computes an answer once for everyone who asks while it runs and after', async () => {
    const answers = memoryAnswers(60);
    const { compute, settle } = computation({ value: 7 });
    const asked = [answers.answer('k', compute), answers.answer('k', compute)];
    settle();
    expect(await Promise.all(asked)).toEqual([{ value: 7 }, { value: 7 }]);
    expect(await answers.answer('k', compute)).toEqual({ value: 7 });
    expect(compute).toHaveBeenCalledTimes(1);
    expect(await answers.answer('other', async () => 8)).toBe(8);
  });

  it('computes afresh once the data has changed, even for an answer still running when it changed', async () => {
    const answers = memoryAnswers(60);
    const before = computation('before');
    const running = answers.answer('k', before.compute);
    answers.changed('activity');
    expect(await answers.answer('k', async () => 'after')).toBe('after');
    before.settle();
    expect(await running).toBe('before');
    expect(await answers.answer('k', async () => 'later')).toBe('after');
  });

  it('keeps answers of places through a change of activity, and drops them when places change', async () => {
    const answers = memoryAnswers(60);
    await answers.answer('tiles', async () => 'places before', 'places');
    await answers.answer('totals', async () => 'activity before');
    answers.changed('activity');
    expect(await answers.answer('tiles', async () => 'places after', 'places')).toBe('places before');
    expect(await answers.answer('totals', async () => 'activity after')).toBe('activity after');
    expect(await answers.generation()).toEqual({ activity: '1', places: '0' });
    answers.changed('places');
    expect(await answers.answer('tiles', async () => 'places after', 'places')).toBe('places after');
    expect(await answers.answer('totals', async () => 'activity later')).toBe('activity later');
    expect(await answers.generation()).toEqual({ activity: '2', places: '1' });
  });

  it('keeps no answer of places that was running when places changed', async () => {
    const answers = memoryAnswers(60);
    const before = computation('before');
    const running = answers.answer('tiles', before.compute, 'places');
    answers.changed('places');
    before.settle();
    expect(await running).toBe('before');
    expect(await answers.answer('tiles', async () => 'after', 'places')).toBe('after');
  });

  it('keeps an answer for the configured seconds only', async () => {
    vi.useFakeTimers();
    const answers = memoryAnswers(60);
    expect(await answers.answer('k', async () => 1)).toBe(1);
    vi.advanceTimersByTime(59_000);
    expect(await answers.answer('k', async () => 2)).toBe(1);
    vi.advanceTimersByTime(2_000);
    expect(await answers.answer('k', async () => 3)).toBe(3);
  });

  it('keeps no failure: the next ask computes again', async () => {
    const answers = memoryAnswers(60);
    await expect(answers.answer('k', async () => Promise.reject(new Error('deadline')))).rejects.toThrow('deadline');
    expect(await answers.answer('k', async () => 'answered')).toBe('answered');
  });

  it('keeps the most recently used answers only', async () => {
    const answers = memoryAnswers(60, 2);
    await answers.answer('a', async () => 'a');
    await answers.answer('b', async () => 'b');
    await answers.answer('a', async () => 'a again');
    await answers.answer('c', async () => 'c');
    expect(await answers.answer('a', async () => 'a recomputed')).toBe('a');
    expect(await answers.answer('b', async () => 'b recomputed')).toBe('b recomputed');
  });
});

describe('ANSWER_CACHE_SECONDS', () => {
  it('is 60 when unset or empty, as the other settings read an empty value; 0 keeps none; beyond a day is refused', () => {
    expect(readConfig({}).answerSeconds).toBe(60);
    expect(readConfig({ ANSWER_CACHE_SECONDS: '' }).answerSeconds).toBe(60);
    expect(readConfig({ ANSWER_CACHE_SECONDS: '0' }).answerSeconds).toBe(0);
    expect(() => readConfig({ ANSWER_CACHE_SECONDS: '86401' })).toThrow(/ANSWER_CACHE_SECONDS must be between 0/);
  });
});

describe('KEPT_RESPONSE_MIN_MS', () => {
  it('is 50 when unset or empty; 0 keeps every answer without errors; negative or beyond a minute is refused', () => {
    expect(readConfig({}).keptResponseMinMs).toBe(5);
    expect(readConfig({ KEPT_RESPONSE_MIN_MS: '' }).keptResponseMinMs).toBe(5);
    expect(readConfig({ KEPT_RESPONSE_MIN_MS: '0' }).keptResponseMinMs).toBe(0);
    expect(() => readConfig({ KEPT_RESPONSE_MIN_MS: '-1' })).toThrow(/KEPT_RESPONSE_MIN_MS must be between 0/);
    expect(() => readConfig({ KEPT_RESPONSE_MIN_MS: 'soon' })).toThrow(/KEPT_RESPONSE_MIN_MS must be between 0/);
  });
});
