/**
 * A JSON answer serialized once and sent as the same bytes to every request that asks for it
 * (the dashboards and measurements, kept with the agency's revision in the cache: see
 * commands/store.ts). A handler returns one instead of the plain value; the app sends its
 * bytes with `content-type: application/json`, exactly what `c.json(value)` would send, and in
 * tests still checks `value` against the route's response schema.
 */
export class JsonText<T = unknown> {
  readonly bytes: Uint8Array<ArrayBuffer>;
  constructor(readonly value: T) {
    this.bytes = new TextEncoder().encode(JSON.stringify(value));
  }
}

/**
 * `make()` serialized, kept in `memo` under `key`; `variant` is what else the answer depends on
 * (e.g. today's date, for overdue counts): another variant replaces the kept one.
 */
export function memoJson<T>(memo: Map<string, unknown>, key: string, variant: string, make: () => T): JsonText<T> {
  const kept = memo.get(key) as { variant: string; json: JsonText<T> } | undefined;
  if (kept && kept.variant === variant) return kept.json;
  const json = new JsonText(make());
  memo.set(key, { variant, json });
  return json;
}
