import { describe, expect, it } from 'vitest';
import { wallItems, type Place } from './wallItems';

const places: Place[] = [
  {
    code: 'kangle',
    name: '康乐社区',
    hasLocation: true,
    subDistrict: { code: '410200-001', name: '城西办事处', city: '开封市' },
    grids: [
      { code: 'g1', name: '第1网格' },
      { code: 'g2', name: '第2网格' },
    ],
  },
  {
    code: 'xinhua',
    name: '新华社区',
    hasLocation: true,
    subDistrict: { code: '231202-001', name: '大有办事处', city: '绥化市' },
    grids: [],
  },
  {
    code: 'chonghua',
    name: '重华社区',
    hasLocation: false,
    subDistrict: { code: '320500-001', name: '重华街道', city: '苏州市' },
    grids: [{ code: 'c1', name: '第1网格' }],
  },
];

describe('wall items', () => {
  it('rotates through every community for scope all', () => {
    expect(wallItems('all', places, '全部')!.items.map((i) => i.code)).toEqual(['kangle', 'xinhua', 'chonghua']);
  });
  it('gives the map’s space to the league table when the places lie cities apart or have no location', () => {
    expect(wallItems('all', places, '全部')!.mapShown).toBe(false);
    expect(wallItems('all', places.slice(0, 1), '全部')!.mapShown).toBe(true);
    expect(wallItems('kangle', places, '全部')!.mapShown).toBe(true);
    expect(wallItems('chonghua', places, '全部')!.mapShown).toBe(false);
  });
  it("rotates through one community's grids", () => {
    expect(wallItems('kangle', places, '全部')).toMatchObject({
      kind: 'grid',
      scopeName: '康乐社区',
      communityCode: 'kangle',
      items: [{ code: 'g1' }, { code: 'g2' }],
    });
  });
  it("rotates through a sub-district's communities", () => {
    expect(wallItems('231202-001', places, '全部')).toMatchObject({
      kind: 'community',
      scopeName: '大有办事处',
      items: [{ code: 'xinhua' }],
    });
  });
  it('knows no unknown scope and no community without grids', () => {
    expect(wallItems('atlantis', places, '全部')).toBeNull();
    expect(wallItems('xinhua', places, '全部')).toBeNull();
  });
});
