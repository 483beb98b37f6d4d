import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// A few top-level pages need no router library: the path is the state, pushState moves it.
const listeners = new Set<() => void>();
let navigationCount = 0;

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  navigationCount++;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current path, and a count that changes on every navigation (so clicking "Inbox" on the inbox starts afresh). */
export function usePath(): string {
  return useLocation().path;
}

export function useLocation(): { path: string; key: number } {
  const [location, setLocation] = useState({ path: window.location.pathname, key: navigationCount });
  useEffect(() => {
    const update = () => setLocation({ path: window.location.pathname, key: navigationCount });
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

/** What a routed page gets: the rest of the address after its route's path (/cases/<id>, /alerts/rules…). */
export interface PageProps {
  rest: string;
}
