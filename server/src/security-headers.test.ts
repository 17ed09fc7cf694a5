import { expect, it } from 'vitest';
import { tileSource } from './security-headers';

it('turns tile URL templates into CSP sources, wildcarding a subdomain placeholder', () => {
  expect(tileSource('https://t{s}.tianditu.gov.cn/vec_w/wmts?tk={key}')).toBe('https://*.tianditu.gov.cn');
  expect(tileSource('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}')).toBe('https://*.is.autonavi.com');
  expect(tileSource('http://tiles.intranet.gov.cn:8080/{z}/{x}/{y}.png')).toBe('http://tiles.intranet.gov.cn:8080');
  expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
});
