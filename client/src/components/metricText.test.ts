import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../i18n/catalogue';
import { metricParts, metricText } from './metricText';

describe('metric text', () => {
  it('says 1 case and 2 cases in English, 件 either way in Chinese', () => {
    expect(metricText('BACKLOG', 1, false, 'en', CATALOGUE.en)).toBe('1 case');
    expect(metricText('BACKLOG', 2, false, 'en', CATALOGUE.en)).toBe('2 cases');
    expect(metricText('HOUSEHOLDS', 1, false, 'en', CATALOGUE.en)).toBe('1 household');
    expect(metricText('BACKLOG', 1, false, 'zh-CN', CATALOGUE['zh-CN'])).toBe('1 件');
  });

  it('abbreviates a wall’s big numbers and keeps the unit apart', () => {
    expect(metricParts('POPULATION', 14929, false, 'en', CATALOGUE.en, true)).toEqual({
      number: '14.9k',
      unit: 'people',
    });
    expect(metricParts('POPULATION', 14929, false, 'zh-CN', CATALOGUE['zh-CN'], true)).toEqual({
      number: '1.49万',
      unit: '人',
    });
    expect(metricParts('ON_TIME_RATE', 0.5, true, 'en', CATALOGUE.en).unit).toBe('');
  });

  it('reads a figure stated as "at least" as 4,000余 and 4,000+', () => {
    expect(metricText('VOLUNTEERS', 4000, false, 'zh-CN', CATALOGUE['zh-CN'], true)).toBe('4,000余 人');
    expect(metricText('VOLUNTEERS', 4000, false, 'en', CATALOGUE.en, true)).toBe('4,000+ people');
    expect(metricText('VOLUNTEERS', 4000, false, 'en', CATALOGUE.en)).toBe('4,000 people');
  });
});
