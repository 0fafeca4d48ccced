/**
 * Runtime configuration, read from environment variables and validated once at start-up.
 *
 * | variable                                  | meaning                                        | default  |
 * |-------------------------------------------|------------------------------------------------|----------|
 * | `KINERJA_DATABASE_URL` (or `DATABASE_URL`)| a PostgreSQL URL; unset = embedded PGlite      | unset    |
 * | `KINERJA_DATA_DIR`                        | where the embedded database and files live     | `./data` |
 * | `PORT`                                    | the web server's TCP port                      | `3000`   |
 * | `KINERJA_MAX_DATASET_MB`                  | largest dataset upload accepted, in MiB        | `32`     |
 *
 * An empty variable counts as unset (shells and `.env` files often leave `X=` behind).
 * `KINERJA_DATABASE_URL` wins over `DATABASE_URL` when both are set.
 */
import { z } from 'zod';

export interface Config {
  /** PostgreSQL connection string; absent = the embedded PGlite database under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  /** `KINERJA_MAX_DATASET_MB` × 1 048 576, rounded down. */
  maxDatasetBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const DatabaseUrl = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'postgres:' || u.protocol === 'postgresql:';
      } catch {
        return false;
      }
    }, 'expected a PostgreSQL URL such as postgres://user@host:5432/database')
    .optional(),
);

const EnvSchema = z.object({
  databaseUrl: DatabaseUrl,
  dataDir: z.preprocess(unsetIfEmpty, z.string().default('./data')),
  port: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'expected a whole number between 1 and 65535')
      .transform(Number)
      .pipe(z.number().int().min(1, 'expected a whole number between 1 and 65535').max(65535, 'expected a whole number between 1 and 65535'))
      .default(3000),
  ),
  maxDatasetMb: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'expected a positive number of megabytes such as 32')
      .transform(Number)
      .pipe(z.number().positive('expected a positive number of megabytes such as 32'))
      .default(32),
  ),
});

/** The variable each config key is read from, for messages. */
const VARIABLE: Record<keyof z.input<typeof EnvSchema>, string> = {
  databaseUrl: 'KINERJA_DATABASE_URL',
  dataDir: 'KINERJA_DATA_DIR',
  port: 'PORT',
  maxDatasetMb: 'KINERJA_MAX_DATASET_MB',
};

/** Read and validate the configuration; throws {@link ConfigError} naming every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const urlVariable = unsetIfEmpty(env.KINERJA_DATABASE_URL) !== undefined ? 'KINERJA_DATABASE_URL' : 'DATABASE_URL';
  const raw = {
    databaseUrl: env[urlVariable],
    dataDir: env.KINERJA_DATA_DIR,
    port: env.PORT,
    maxDatasetMb: env.KINERJA_MAX_DATASET_MB,
  };
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as keyof typeof VARIABLE;
      const variable = key === 'databaseUrl' ? urlVariable : VARIABLE[key];
      return `${variable}: ${issue.message}, got ${JSON.stringify(raw[key])}`;
    });
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  const config: Config = {
    dataDir: c.dataDir,
    port: c.port,
    maxDatasetBytes: Math.floor(c.maxDatasetMb * 1024 * 1024),
  };
  if (c.databaseUrl !== undefined) config.databaseUrl = c.databaseUrl;
  return config;
}
