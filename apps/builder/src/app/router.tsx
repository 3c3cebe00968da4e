import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';
import { stripBase } from './match-path';

/** A tiny history router: the app lives under vite's base (`/app/`), the runtime falls back to index.html. */
const BASE = import.meta.env.BASE_URL;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

function currentPath(): string {
  return stripBase(window.location.pathname, BASE) + window.location.search;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function hrefFor(to: string): string {
  return `${BASE.replace(/\/$/, '')}${to}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const href = hrefFor(to);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={hrefFor(to)} onClick={handleClick} {...rest} />;
}
