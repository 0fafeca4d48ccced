/**
 * HTTP to the Kinerja server: JSON in and out, the session in an HTTP-only cookie (sent by the
 * browser on same-origin requests), errors in the server's one shape
 * `{ error: { status, code, message, localized?, findings[], current? } }` (src/server/errors.ts).
 * The server writes every message in English (`message`) and Indonesian (`localized.id`);
 * `serverText` picks the one of the interface's language.
 */

/** A message's other languages, as the server sends them: `{ id: "…" }` (Indonesian). */
export interface Localized {
  id: string;
}

export interface Finding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  where: string;
  message: string;
  localized?: Localized | undefined;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly findings: Finding[] = [],
    /** 409 version-conflict: the record as it is now */
    readonly current?: unknown,
    /** the message in Indonesian */
    readonly localized?: Localized,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The text of a server message (an error or a finding) in a language: Indonesian when the server gave it, else English. */
export function serverText(m: { message: string; localized?: Localized | undefined }, lang: 'id' | 'en'): string {
  return lang === 'id' && typeof m.localized?.id === 'string' ? m.localized.id : m.message;
}

type ErrorShape = Partial<{ code: string; message: string; localized: Localized; findings: Finding[]; current: unknown }>;

/** Listeners told when any request answers 401 (the session is gone). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to a generic error
  }
  const e = (body as { error?: ErrorShape } | null)?.error;
  if (e && typeof e === 'object') {
    return new ApiError(res.status, e.code ?? `http-${res.status}`, e.message ?? res.statusText, Array.isArray(e.findings) ? e.findings : [], e.current, e.localized);
  }
  return new ApiError(res.status, `http-${res.status}`, res.statusText || `HTTP ${res.status}`);
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

const CSRF_COOKIE = 'kinerja.csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * The CSRF token (signed double submit, src/server/csrf.ts): the `kinerja.csrf` cookie's value,
 * fetched once from `GET /api/auth/csrf` when the cookie is not there yet.
 */
export async function csrfToken(): Promise<string | undefined> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  try {
    await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    return undefined;
  }
  return readCookie(CSRF_COOKIE);
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  const csrf = UNSAFE.has(method) ? await csrfToken() : undefined;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...opts.headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const e = await errorOf(res);
    if (res.status === 401) for (const fn of unauthorizedListeners) fn();
    throw e;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await res.text()) as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts);
export const post = <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts);
export const put = <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts);
export const patch = <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body ?? {}, opts);
export const del = <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('DELETE', path, body, opts);

/**
 * Upload with progress (fetch has no upload progress): XMLHttpRequest, the same error shape.
 * `onProgress` gets a fraction 0–1 of the bytes sent.
 */
export async function upload<T>(
  method: string,
  path: string,
  body: Blob | FormData,
  opts: { contentType?: string; onProgress?: (fraction: number) => void; headers?: Record<string, string> } = {},
): Promise<T> {
  const csrf = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    if (opts.contentType) xhr.setRequestHeader('content-type', opts.contentType);
    for (const [k, v] of Object.entries(opts.headers ?? {})) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      const e = (parsed as { error?: ErrorShape } | null)?.error;
      if (xhr.status === 401) for (const fn of unauthorizedListeners) fn();
      reject(
        new ApiError(
          xhr.status,
          e?.code ?? `http-${xhr.status}`,
          e?.message ?? (xhr.statusText || `HTTP ${xhr.status}`),
          Array.isArray(e?.findings) ? e.findings : [],
          e?.current,
          e?.localized,
        ),
      );
    };
    xhr.send(body);
  });
}

/** A file answered by the server: its bytes, and the name from `Content-Disposition`. */
export interface FetchedFile {
  blob: Blob;
  fileName: string | null;
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
export function fileNameOf(disposition: string | null): string | null {
  const m = /filename="([^"]+)"/.exec(disposition ?? '') ?? /filename=([^;]+)/.exec(disposition ?? '');
  return m?.[1]?.trim() ?? null;
}

/** GET a file (a report) as a Blob, with the server's errors as `ApiError`. */
export async function fetchFile(path: string, opts: RequestOptions = {}): Promise<FetchedFile> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { credentials: 'same-origin', signal: opts.signal, headers: { ...opts.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const e = await errorOf(res);
    if (res.status === 401) for (const fn of unauthorizedListeners) fn();
    throw e;
  }
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
}
