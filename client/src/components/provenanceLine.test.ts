import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../i18n/catalogue';
import { provenanceLine } from './provenanceLine';

const zh = CATALOGUE['zh-CN'];
const stated = { kind: 'STATED', restsOnGenerated: false } as const;
const generated = { kind: 'GENERATED', restsOnGenerated: true } as const;
const counted = { kind: 'COMPUTED', restsOnGenerated: false } as const;

describe('the provenance line of a printed page', () => {
  it('names each kind of source once and says when figures rest on synthetic data', () => {
    expect(provenanceLine([stated, generated, generated, null], zh)).toBe(
      '数据来源：公开报道或官方公布的数字；含模拟数据',
    );
    expect(provenanceLine([counted, { ...counted, restsOnGenerated: true }], zh)).toBe(
      '数据来源：由事件和志愿服务记录统计得出；含模拟数据',
    );
  });

  it('says so plainly when every figure is synthetic', () => {
    expect(provenanceLine([generated, generated], zh)).toBe('数据来源：演示用的模拟数据，不是真实数字');
  });

  it('claims nothing synthetic of real figures, and nothing at all without them', () => {
    expect(provenanceLine([stated, counted], CATALOGUE.en)).toBe(
      'Sources: A figure published in the press or by an official source; Counted from case and volunteer records',
    );
    expect(provenanceLine([null, undefined], zh)).toBeNull();
  });
});
