import { describe, expect, it } from 'vitest';
import { gradeBandsProblem, gradeOf, rankRows } from './grades';

describe('grades', () => {
  it('grades 按期结案率 as the assessment rules do: 90 % and up 优, 80–90 % 良, 60–80 % 中, below 差', () => {
    expect([0.95, 0.9, 0.85, 0.8, 0.7, 0.59].map((v) => gradeOf('ON_TIME_RATE', v))).toEqual([
      '优',
      '优',
      '良',
      '良',
      '中',
      '差',
    ]);
  });

  it('grades a metric where less is better the other way round, and nothing without bands or a value', () => {
    expect(gradeOf('REWORK_RATE', 0.03)).toBe('优');
    expect(gradeOf('REWORK_RATE', 0.3)).toBe('差');
    expect(gradeOf('POPULATION', 9050)).toBeNull();
    expect(gradeOf('ON_TIME_RATE', null)).toBeNull();
    expect(gradeOf('ON_TIME_RATE', 0.85, { ON_TIME_RATE: [0.98, 0.95, 0.9] })).toBe('差');
  });

  it('checks bands from a file', () => {
    expect(gradeBandsProblem({ ON_TIME_RATE: [0.9, 0.8, 0.6] })).toBeNull();
    expect(gradeBandsProblem({ ON_TIME: [0.9, 0.8, 0.6] })).toMatch(/not a metric/);
    expect(gradeBandsProblem({ ON_TIME_RATE: [0.6, 0.8, 0.9] })).toMatch(/falling/);
    expect(gradeBandsProblem({ REWORK_RATE: [0.2, 0.1, 0.05] })).toMatch(/rising/);
    expect(gradeBandsProblem([1, 2])).toMatch(/object/);
  });
});

describe('league tables', () => {
  it('ranks best first, lets equal values share a rank, and puts rows without a value last and unranked', () => {
    const rows = [
      { code: 'a', value: 0.8 },
      { code: 'b', value: null },
      { code: 'c', value: 0.9 },
      { code: 'd', value: 0.8 },
      { code: 'e', value: 0.7 },
    ];
    expect(rankRows('ON_TIME_RATE', rows).map((r) => [r.row.code, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['e', 4],
      ['b', null],
    ]);
    expect(rankRows('OVERDUE_OPEN', rows).map((r) => r.row.code)).toEqual(['e', 'a', 'd', 'c', 'b']);
  });
});
