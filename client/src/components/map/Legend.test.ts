import { describe, expect, it } from 'vitest';
import { classLabel } from './Legend';

describe('legend labels', () => {
  it('gives a class of one value one label, and a range its ends', () => {
    expect(classLabel({ from: 0, to: 0, color: '#fff' }, 'cases', 'zh-CN')).toBe('0');
    expect(classLabel({ from: 0.7111, to: 0.7114, color: '#fff' }, 'ratio', 'en')).toBe('71.1%');
    expect(classLabel({ from: 117, to: 135, color: '#fff' }, 'people', 'en')).toBe('117 – 135');
  });
});
