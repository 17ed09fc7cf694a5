import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../shared/metrics/definitions';
import { CATALOGUE } from './catalogue';

/** Every string of a catalogue as [path, value]; paths are joined with / (audit actions hold dots). */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'object' ? leaves(v, `${prefix}${k}/`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}
const keys = (value: unknown) => leaves(value).map(([key]) => key);

describe('string catalogue', () => {
  it('has the same keys in Chinese and English, none empty except unitless ratios', () => {
    expect(keys(CATALOGUE.en)).toEqual(keys(CATALOGUE['zh-CN']));
    for (const language of Object.values(CATALOGUE)) {
      for (const [key, value] of leaves(language).filter(([k]) => k !== 'units/ratio')) expect(value, key).not.toBe('');
    }
  });

  it('names every metric in both languages, and differently', () => {
    for (const metric of METRICS) expect(CATALOGUE['zh-CN'].metrics[metric]).not.toBe(CATALOGUE.en.metrics[metric]);
  });
});
