/**
 * A schema's catalog as plain data: tables, columns (type, nullability, default, generation,
 * identity, order), constraints and indexes, with the schema's own name taken out of the
 * definitions. Two schemas built by different routes (migrations step by step, or
 * sql/schema.sql at once) have equal catalogs exactly when they are the same schema.
 */
import type pg from 'pg';

export interface Catalog {
  tables: { name: string; kind: string }[];
  columns: { table: string; name: string; type: string; notNull: boolean; default: string | null; generated: string; identity: string }[];
  constraints: { table: string; name: string; type: string; definition: string }[];
  indexes: { table: string; name: string; definition: string }[];
}

type Queryable = Pick<pg.Pool, 'query'>;

export async function readCatalog(db: Queryable, schema: string, opts: { exclude?: string[] } = {}): Promise<Catalog> {
  const exclude = opts.exclude ?? [];
  const strip = (s: string) => s.split(`"${schema}".`).join('').split(`${schema}.`).join('');
  const tables = await db.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relname = ANY($2::text[])
      ORDER BY c.relname COLLATE "C"`,
    [schema, exclude],
  );
  const columns = await db.query<Catalog['columns'][number]>(
    `SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "default",
            a.attgenerated::text AS generated, a.attidentity::text AS identity
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        AND NOT c.relname = ANY($2::text[])
      ORDER BY c.relname COLLATE "C", a.attnum`,
    [schema, exclude],
  );
  const constraints = await db.query<Catalog['constraints'][number]>(
    `SELECT c.relname AS "table", k.conname AS name, k.contype::text AS type, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND NOT c.relname = ANY($2::text[])
      ORDER BY c.relname COLLATE "C", k.conname COLLATE "C"`,
    [schema, exclude],
  );
  const indexes = await db.query<Catalog['indexes'][number]>(
    `SELECT t.relname AS "table", i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND NOT t.relname = ANY($2::text[])
      ORDER BY t.relname COLLATE "C", i.relname COLLATE "C"`,
    [schema, exclude],
  );
  return {
    tables: tables.rows,
    columns: columns.rows.map((c) => ({ ...c, default: c.default === null ? null : strip(c.default) })),
    constraints: constraints.rows.map((c) => ({ ...c, definition: strip(c.definition) })),
    indexes: indexes.rows.map((i) => ({ ...i, definition: strip(i.definition) })),
  };
}
