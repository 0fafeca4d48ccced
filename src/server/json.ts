import { chooseCoding, compressNow, JSON_MIN_BYTES, type Coding } from './transfer.js';

/**
 * A JSON answer serialized once and sent as the same bytes to every request that asks for it
 * (the dashboards and measurements, kept with the agency's revision in the cache: see
 * commands/store.ts). A handler returns one instead of the plain value; the app sends its
 * bytes with `content-type: application/json`, exactly what `c.json(value)` would send, and in
 * tests still checks `value` against the route's response schema.
 */
export class JsonText<T = unknown> {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** its compressed forms, made at the first request that accepts each (transfer.ts) */
  readonly coded: Partial<Record<Coding, Uint8Array>> = {};
  constructor(readonly value: T) {
    this.bytes = new TextEncoder().encode(JSON.stringify(value));
  }
}

/**
 * A JSON answer's bytes as sent: compressed (brotli, else gzip, as the request accepts) when
 * larger than JSON_MIN_BYTES, with `Vary: Accept-Encoding`. `kept` holds the compressed forms
 * of an answer sent many times.
 */
export function jsonBody(bytes: Uint8Array, acceptEncoding: string | undefined, kept?: Partial<Record<Coding, Uint8Array>>): { body: Uint8Array; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bytes.byteLength <= JSON_MIN_BYTES) return { body: bytes, headers };
  headers.vary = 'Accept-Encoding';
  const coding = chooseCoding(acceptEncoding);
  if (!coding) return { body: bytes, headers };
  const body = kept ? (kept[coding] ??= compressNow(bytes, coding)) : compressNow(bytes, coding);
  headers['content-encoding'] = coding;
  return { body, headers };
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
