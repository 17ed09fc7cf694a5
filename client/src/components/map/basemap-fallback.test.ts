import { describe, expect, it } from 'vitest';
import { basemapShown } from './basemap-fallback';

describe('basemapShown', () => {
  it('draws the chosen basemap while it has not failed', () => {
    expect(basemapShown('tianditu', [], true)).toBe('tianditu');
    expect(basemapShown('none', [], true)).toBe('none');
  });

  it('falls back to the offline archive when there is one, else to our boundaries alone', () => {
    expect(basemapShown('osm', ['osm'], true)).toBe('offline');
    expect(basemapShown('osm', ['osm'], false)).toBe('none');
  });

  it('draws our boundaries alone when the archive fails too, or was the choice', () => {
    expect(basemapShown('amap', ['amap', 'offline'], true)).toBe('none');
    expect(basemapShown('offline', ['offline'], true)).toBe('none');
  });
});
