import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../shared/metrics/definitions';
import { CATALOGUE } from './catalogue';

function keys(value: unknown, prefix = ''): string[] {
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('string catalogue', () => {
  it('has the same keys in Chinese and English, none empty except unitless ratios', () => {
    expect(keys(CATALOGUE.en)).toEqual(keys(CATALOGUE['zh-CN']));
    for (const language of Object.values(CATALOGUE)) {
      for (const key of keys(language).filter((k) => k !== 'units.ratio')) {
        expect(
          key.split('.').reduce<any>((v, k) => v[k], language),
          key,
        ).not.toBe('');
      }
    }
  });

  it('names every metric in both languages, and differently', () => {
    for (const metric of METRICS) expect(CATALOGUE['zh-CN'].metrics[metric]).not.toBe(CATALOGUE.en.metrics[metric]);
  });
});
