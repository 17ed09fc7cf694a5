import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { withEnvFile } from './env-file';

const envFile = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'env-')), '.env');
  writeFileSync(file, text);
  return file;
};

describe('.env', () => {
  it('is read, and the real environment wins over it', () => {
    const file = envFile('PORT=4805\n# a comment\nBASEMAP="osm"\nHOST=127.0.0.1\n');
    const config = readConfig(withEnvFile({ HOST: '0.0.0.0' }, file));
    expect(config.port).toBe(4805);
    expect(config.basemap).toBe('osm');
    expect(config.host).toBe('0.0.0.0');
  });

  it('is optional, and its values are checked like any other', () => {
    expect(withEnvFile({ PORT: '1' }, '/nonexistent/.env')).toEqual({ PORT: '1' });
    expect(() => readConfig(withEnvFile({}, envFile('PORT=eighty\n')))).toThrow(
      /PORT must be a port number, got "eighty"/,
    );
  });
});
