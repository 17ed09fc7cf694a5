import { describe, expect, it } from 'vitest';
import { combineProvenance, recordsProvenance, statedAsOf, type Provenance } from './provenance';

const stated = (source: string, asOf: string | null, qualifier: Provenance['qualifier'] = null): Provenance => ({
  kind: 'STATED',
  source,
  asOf,
  qualifier,
  restsOnGenerated: false,
});

describe('provenance', () => {
  it('reads the date of a stated source as the seed writes it, and none from an undated one', () => {
    expect(statedAsOf('000_9e7b2d3ffd31d488.txt (映象网, 2018-08-09)')).toBe('2018-08-09');
    expect(statedAsOf('003_9608a498424a24f2.txt (undated speech text, about 2004-2005)')).toBeNull();
  });

  it('takes the least trusted kind of a sum, its sources, the oldest date, and "at least" from any part', () => {
    const sum = combineProvenance([
      stated('a.txt (x, 2018-08-09)', '2018-08-09', 'AT_LEAST'),
      stated('b.txt (y, 2021-04-29)', '2021-04-29'),
    ]);
    expect(sum).toEqual({
      kind: 'STATED',
      source: 'a.txt (x, 2018-08-09); b.txt (y, 2021-04-29)',
      asOf: '2018-08-09',
      qualifier: 'AT_LEAST',
      restsOnGenerated: false,
    });
    const withGenerated = combineProvenance([
      stated('a.txt', null),
      { kind: 'GENERATED', source: null, asOf: null, qualifier: null, restsOnGenerated: true },
    ]);
    expect(withGenerated?.kind).toBe('GENERATED');
    expect(withGenerated?.restsOnGenerated).toBe(true);
    expect(combineProvenance([])).toBeNull();
  });

  it('calls figures from records generated only when every record is, and says when some are', () => {
    expect(recordsProvenance(10, 10)).toMatchObject({ kind: 'GENERATED', restsOnGenerated: true });
    expect(recordsProvenance(10, 3)).toMatchObject({ kind: 'COMPUTED', restsOnGenerated: true });
    expect(recordsProvenance(10, 0)).toMatchObject({ kind: 'COMPUTED', restsOnGenerated: false });
    expect(recordsProvenance(0, 0)).toMatchObject({ kind: 'COMPUTED', restsOnGenerated: false });
  });
});
