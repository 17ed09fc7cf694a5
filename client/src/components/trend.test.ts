import { describe, expect, it } from 'vitest';
import { changeOf } from './trend';

describe('a key figure against an earlier period', () => {
  it('reads a count as a percentage, coloured by whether more is better', () => {
    expect(changeOf('VOLUNTEER_HOURS', 120, 100, 'en', ' pts')).toEqual({
      direction: 'up',
      tone: 'good',
      text: '+20.0%',
    });
    expect(changeOf('BACKLOG', 120, 100, 'en', ' pts')).toEqual({ direction: 'up', tone: 'bad', text: '+20.0%' });
    expect(changeOf('POPULATION', 90, 100, 'en', ' pts')).toEqual({
      direction: 'down',
      tone: 'neutral',
      text: '−10.0%',
    });
  });
  it('reads a rate in percentage points, not as a percentage of a percentage', () => {
    expect(changeOf('ON_TIME_RATE', 0.9, 0.85, 'zh-CN', '个百分点')).toEqual({
      direction: 'up',
      tone: 'good',
      text: '+5.0个百分点',
    });
    expect(changeOf('REWORK_RATE', 0.1, 0.05, 'en', ' pts')?.tone).toBe('bad');
  });
  it('says nothing when either figure is unknown or the earlier count was nought', () => {
    expect(changeOf('CLOSURE_RATE', null, 0.9, 'en', ' pts')).toBeNull();
    expect(changeOf('BACKLOG', 3, null, 'en', ' pts')).toBeNull();
    expect(changeOf('BACKLOG', 3, 0, 'en', ' pts')).toBeNull();
    expect(changeOf('BACKLOG', 0, 0, 'en', ' pts')).toEqual({ direction: 'same', tone: 'neutral', text: '±0.0%' });
  });
});
