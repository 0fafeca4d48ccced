import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(loadConfig({})).toStrictEqual({ dataDir: './data', port: 3000, maxDatasetBytes: 32 * 1024 * 1024 });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      KINERJA_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      KINERJA_DATA_DIR: '/var/lib/kinerja',
      PORT: '8080',
      KINERJA_MAX_DATASET_MB: '0.5',
    });
    expect(c).toStrictEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      dataDir: '/var/lib/kinerja',
      port: 8080,
      maxDatasetBytes: 524288,
    });
  });

  it('falls back to DATABASE_URL and treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://x@db/k', PORT: '' }).databaseUrl).toBe('postgresql://x@db/k');
    expect(loadConfig({ KINERJA_DATABASE_URL: '', DATABASE_URL: 'postgres://a@b/c' }).databaseUrl).toBe('postgres://a@b/c');
    expect(loadConfig({ KINERJA_DATABASE_URL: 'postgres://k@h/d', DATABASE_URL: 'postgres://a@b/c' }).databaseUrl).toBe('postgres://k@h/d');
    expect(loadConfig({ KINERJA_DATA_DIR: '  ' }).dataDir).toBe('./data');
  });

  it('names the variable and what was expected', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('expected loadConfig to fail');
    };
    expect(bad({ PORT: 'abc' })).toMatch(/PORT: expected a whole number between 1 and 65535, got "abc"/);
    expect(bad({ PORT: '70000' })).toMatch(/PORT: expected a whole number between 1 and 65535/);
    expect(bad({ PORT: '0' })).toMatch(/PORT/);
    expect(bad({ KINERJA_MAX_DATASET_MB: '-3' })).toMatch(/KINERJA_MAX_DATASET_MB: expected a positive number of megabytes/);
    expect(bad({ KINERJA_MAX_DATASET_MB: '0' })).toMatch(/KINERJA_MAX_DATASET_MB/);
    expect(bad({ DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL: expected a PostgreSQL URL/);
    expect(bad({ KINERJA_DATABASE_URL: 'not a url' })).toMatch(/KINERJA_DATABASE_URL: expected a PostgreSQL URL/);
    // every problem is reported at once
    const both = bad({ PORT: 'x', KINERJA_MAX_DATASET_MB: 'y' });
    expect(both).toMatch(/PORT/);
    expect(both).toMatch(/KINERJA_MAX_DATASET_MB/);
  });
});
