/**
 * The names the server answers to. A request whose Host is not the configured public address
 * (`KINERJA_PUBLIC_URL`) or one of `KINERJA_ALLOWED_HOSTS` is refused with 421 before anything
 * else: a page of another site whose name was made to point at this server (DNS rebinding) sends
 * its own name as Host, and gets nothing. Without a configured public address (development) the
 * loopback names — localhost, 127.0.0.1, [::1] — on the port the request came in on are the
 * server's names, and their origins may send changes. `/healthz` answers loopback always (health
 * checks on the machine itself).
 *
 * The origins allowed to send changes (csrf.ts) come from the same settings, never from the
 * request's Host.
 */
import type { Context } from 'hono';
import type { ServerSettings } from './deps.js';
import { HttpError, text as t } from './errors.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `host[:port]` as URL.host gives it (lower case, IDN in punycode, the scheme's default port left out), or undefined when it is not one. */
export function normalHost(host: string, scheme: string): string | undefined {
  if (host === '' || /[/\\?#@\s]/.test(host)) return undefined;
  try {
    const u = new URL(`${scheme}//${host}`);
    return u.pathname === '/' && u.host !== '' ? u.host : undefined;
  } catch {
    return undefined;
  }
}

/** The port the request came in on (a listening server's socket), when there is one. */
function localPort(c: Context): number | undefined {
  const env = c.env as { incoming?: { socket?: { localPort?: number } } } | undefined;
  return env?.incoming?.socket?.localPort;
}

function isLoopback(host: string, port: number | undefined): boolean {
  if (port === undefined) return false;
  const i = host.lastIndexOf(':');
  return i > 0 && LOOPBACK.has(host.slice(0, i)) && host.slice(i + 1) === String(port);
}

/** The server's names and origins, worked out once from the settings. */
export interface ServerNames {
  /** the public URL's scheme (`https:`), which the Host values are read with */
  scheme: string;
  /** the Host values answered (normalized), the public URL's first */
  hosts: string[];
  /** the origins allowed to send changes: the public URL's and the trusted ones */
  origins: string[];
  /** development: loopback names on the request's port too */
  loopback: boolean;
}

export function serverNames(settings: ServerSettings): ServerNames {
  const pub = new URL(settings.publicUrl);
  const hosts = [pub.host];
  for (const h of settings.allowedHosts ?? []) {
    const n = normalHost(h, pub.protocol);
    if (n && !hosts.includes(n)) hosts.push(n);
  }
  return { scheme: pub.protocol, hosts, origins: [pub.origin, ...settings.trustedOrigins], loopback: settings.loopbackHosts === true };
}

/** Throws 421 when the request's Host (and its URL's) is not one of the server's names. */
export function checkHost(c: Context, names: ServerNames): void {
  const { scheme, hosts } = names;
  const port = localPort(c);
  const url = new URL(c.req.url);
  const loopbackOk = names.loopback || url.pathname === '/healthz';
  const given = c.req.header('host') ?? url.host;
  for (const raw of given === url.host ? [given] : [given, url.host]) {
    const host = normalHost(raw, scheme);
    if (host !== undefined && (hosts.includes(host) || (loopbackOk && isLoopback(host, port)))) continue;
    const shown = [...new Set([...hosts.map((h) => `${scheme}//${h}`), ...(names.loopback && port !== undefined ? [...LOOPBACK].map((h) => `http://${h}:${port}`) : [])])].join(', ');
    const got = JSON.stringify(raw.slice(0, 100));
    throw new HttpError(
      421,
      'wrong-host',
      t(
        `this server answers at ${shown} only, not at ${got} (KINERJA_PUBLIC_URL, KINERJA_ALLOWED_HOSTS)`,
        `server ini hanya menjawab di ${shown}, bukan di ${got} (KINERJA_PUBLIC_URL, KINERJA_ALLOWED_HOSTS)`,
      ),
      { where: 'headers.host' },
    );
  }
}

/** The origins allowed to send changes: the public URL's, the trusted ones, and in development the loopback origins of the request's port. */
export function allowedOrigins(c: Context, names: ServerNames): string[] {
  const port = localPort(c);
  if (!names.loopback || port === undefined) return names.origins;
  return [...names.origins, ...[...LOOPBACK].map((h) => `http://${h}:${port}`)];
}
