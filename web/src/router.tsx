/**
 * A small hash router: `#/a/<agency>/dashboard/2025`. Hash routes need nothing from the server
 * beyond serving index.html, and survive a reload and a bookmark.
 */
import { useEffect, useRef, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

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

/** The page part of a hash path: what changes the page (not its `?` selection within it). */
function pageOf(path: string): string {
  return path.split('?')[0] ?? '';
}

/**
 * After a navigation to another page (a link, a tab, the history; not the first load, not a
 * selection within the page after `?`), the keyboard's focus moves to the new page's main heading
 * (`main h1`, made focusable with tabindex=-1) as soon as it is shown, so a screen reader reads
 * the new page and the next Tab starts from it. A picker that changed the page (a year chosen in a
 * select) keeps the focus it has.
 */
export function useFocusHeadingOnNavigate(path: string): void {
  const page = pageOf(path);
  const [first] = useState(page);
  const seen = useRef(false);
  useEffect(() => {
    if (!seen.current && page === first) {
      seen.current = true;
      return;
    }
    seen.current = true;
    const active = document.activeElement;
    if (active instanceof HTMLSelectElement || active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
    const main = document.getElementById('main');
    if (!main) return;
    let done = false;
    const before = document.activeElement;
    const tryFocus = (): boolean => {
      // the person (or the page) has put the focus somewhere meanwhile: it stays there
      const now = document.activeElement;
      if (now && now !== before && now !== document.body) {
        done = true;
        return true;
      }
      // a page shows its heading once its data is there; "loading" has none
      const h1 = main.querySelector('h1');
      if (!h1 || main.querySelector('.loading')) return false;
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
      h1.scrollIntoView({ block: 'nearest' });
      done = true;
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    // a page that never shows a heading (an error) leaves the focus where it was
    const timer = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      if (!done) observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [page, first]);
}
