import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, DEFAULT_DATA_DIR, loadConfig } from './config.js';

const INSTALL_DIR = dirname(fileURLToPath(new URL('../package.json', import.meta.url)));

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(loadConfig({})).toStrictEqual({
      dataDir: join(INSTALL_DIR, 'data'),
      port: 3000,
      maxDatasetBytes: 32 * 1024 * 1024,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      trustedOrigins: [],
      allowedHosts: [],
      loopbackHosts: true,
      demo: true,
      production: false,
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      KINERJA_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      KINERJA_DATA_DIR: '/var/lib/kinerja',
      PORT: '8080',
      KINERJA_MAX_DATASET_MB: '0.5',
      KINERJA_HOST: '0.0.0.0',
      KINERJA_PUBLIC_URL: 'https://kinerja.example.go.id/',
      KINERJA_TRUSTED_ORIGINS: 'https://a.example.go.id, http://localhost:5173',
      KINERJA_ALLOWED_HOSTS: 'Kinerja.Intranet, 10.0.0.5:3000,[::1]:8080',
      KINERJA_AUTH_SECRET: 's'.repeat(32),
      KINERJA_DEMO: '0',
      KINERJA_TRUST_PROXY: '1',
      NODE_ENV: 'production',
    });
    expect(c).toStrictEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      dataDir: '/var/lib/kinerja',
      port: 8080,
      maxDatasetBytes: 524288,
      host: '0.0.0.0',
      publicUrl: 'https://kinerja.example.go.id',
      trustedOrigins: ['https://a.example.go.id', 'http://localhost:5173'],
      allowedHosts: ['kinerja.intranet', '10.0.0.5:3000', '[::1]:8080'],
      loopbackHosts: false,
      authSecret: 's'.repeat(32),
      demo: false,
      production: true,
      trustProxy: true,
    });
  });

  it('falls back to DATABASE_URL and treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://x@db/k', PORT: '' }).databaseUrl).toBe('postgresql://x@db/k');
    expect(loadConfig({ KINERJA_DATABASE_URL: '', DATABASE_URL: 'postgres://a@b/c' }).databaseUrl).toBe('postgres://a@b/c');
    expect(loadConfig({ KINERJA_DATABASE_URL: 'postgres://k@h/d', DATABASE_URL: 'postgres://a@b/c' }).databaseUrl).toBe('postgres://k@h/d');
    expect(loadConfig({ KINERJA_DATA_DIR: '  ' }).dataDir).toBe(DEFAULT_DATA_DIR);
  });

  it('keeps the data next to package.json wherever it is started, and takes a relative KINERJA_DATA_DIR from where it is started', () => {
    expect(existsSync(join(INSTALL_DIR, 'package.json'))).toBe(true);
    expect(DEFAULT_DATA_DIR).toBe(join(INSTALL_DIR, 'data'));
    expect(loadConfig({}, '/tmp').dataDir).toBe(join(INSTALL_DIR, 'data'));
    expect(loadConfig({}, join(INSTALL_DIR, 'docs')).dataDir).toBe(join(INSTALL_DIR, 'data'));
    expect(loadConfig({ KINERJA_DATA_DIR: 'mine' }, '/srv/work').dataDir).toBe('/srv/work/mine');
    expect(loadConfig({ KINERJA_DATA_DIR: '../x' }, '/srv/work').dataDir).toBe('/srv/x');
    expect(loadConfig({ KINERJA_DATA_DIR: '/var/lib/kinerja' }, '/srv/work').dataDir).toBe('/var/lib/kinerja');
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
    expect(bad({ KINERJA_DEMO: 'yes' })).toMatch(/KINERJA_DEMO: expected 1 or 0, got "yes"/);
    expect(bad({ KINERJA_PUBLIC_URL: 'ftp://x' })).toMatch(/KINERJA_PUBLIC_URL: expected an http or https URL/);
    expect(bad({ KINERJA_TRUSTED_ORIGINS: 'https://a.example/path' })).toMatch(/KINERJA_TRUSTED_ORIGINS: expected an origin/);
    for (const hosts of ['https://kinerja.example.go.id', 'kinerja.example.go.id/app', 'a.example, user@b.example', 'x.example:99999', 'two words']) {
      expect(bad({ KINERJA_ALLOWED_HOSTS: hosts })).toMatch(/KINERJA_ALLOWED_HOSTS: expected host names such as kinerja.example.go.id or 10.0.0.5:3000/);
    }
    const short = bad({ KINERJA_AUTH_SECRET: 'short' });
    expect(short).toMatch(/KINERJA_AUTH_SECRET: expected at least 32 characters/);
    expect(short).not.toMatch(/short"/); // a secret is never echoed
    // production: a secret is required and the demo is never on
    expect(bad({ NODE_ENV: 'production' })).toMatch(/KINERJA_AUTH_SECRET: required in production/);
    expect(bad({ NODE_ENV: 'production', KINERJA_AUTH_SECRET: 'x'.repeat(40), KINERJA_DEMO: '1' })).toMatch(/KINERJA_DEMO: .* never created in production/);
    expect(loadConfig({ NODE_ENV: 'production', KINERJA_AUTH_SECRET: 'x'.repeat(40) }).demo).toBe(false);
    // a fixed today is for tests and demonstrations, never in production
    expect(loadConfig({ KINERJA_TODAY: '2025-10-22' }).today).toBe('2025-10-22');
    expect(loadConfig({}).today).toBeUndefined();
    expect(bad({ KINERJA_TODAY: '22-10-2025' })).toMatch(/KINERJA_TODAY: expected a date as YYYY-MM-DD/);
    expect(bad({ NODE_ENV: 'production', KINERJA_AUTH_SECRET: 'x'.repeat(40), KINERJA_TODAY: '2025-10-22' })).toMatch(/KINERJA_TODAY: .*production/);
    // every problem is reported at once
    const both = bad({ PORT: 'x', KINERJA_MAX_DATASET_MB: 'y' });
    expect(both).toMatch(/PORT/);
    expect(both).toMatch(/KINERJA_MAX_DATASET_MB/);
  });
});
