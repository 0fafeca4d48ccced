/**
 * A small hash router: `#/a/<agency>/dashboard/2025`. Hash routes need nothing from the server
 * beyond serving index.html, and survive a reload and a bookmark.
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export function currentPath(): string {
  const h = window.location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}

export function useHashPath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const on = () => setPath(currentPath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return path;
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const url = `#${path}`;
  if (opts.replace) {
    window.history.replaceState(null, '', url);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = path;
  }
}

/** Splits a path into its segments, decoded. */
export function segments(path: string): string[] {
  const [p = ''] = path.split('?');
  return p.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
}

/** Query parameters after `?` in a hash path. */
export function queryOf(path: string): URLSearchParams {
  const i = path.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : path.slice(i + 1));
}

export function href(...parts: Array<string | number>): string {
  return `#/${parts.map((p) => encodeURIComponent(String(p))).join('/')}`;
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; current?: boolean }) {
  const { to, current, ...rest } = props;
  return <a {...rest} href={to} aria-current={current ? 'page' : undefined} onClick={(e: MouseEvent<HTMLAnchorElement>) => props.onClick?.(e)} />;
}
