import { useCallback, useEffect, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { useNotices } from './notices.tsx';
import type { Page } from './api-types.ts';

export interface ResourceOptions<T> {
  /** What to show after a failed load (an empty list, so the empty state appears); without it the data stays as it was. */
  fallback?: T;
  /** Failures are expected (a list the user may not be allowed to read): no banner. */
  quiet?: boolean;
}

export interface Resource<T> {
  /** null until the first answer arrives. */
  data: T | null;
  setData: Dispatch<SetStateAction<T | null>>;
  loading: boolean;
  error: unknown;
  reload(): Promise<void>;
}

/** Loads once and again whenever `deps` change; an answer that arrives after a newer request is dropped. */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList, options: ResourceOptions<T> = {}): Resource<T> {
  const { reportError } = useNotices();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const { quiet } = options;
  const latest = useRef(options);
  latest.current = options;
  // The caller's deps are the loader's inputs: a new loader (and a new load) exactly when they change.
  const loader = useCallback(load, deps);

  const reload = useCallback(async () => {
    const id = ++seq.current;
    setLoading(true);
    try {
      const value = await loader();
      if (id !== seq.current) return;
      setData(value);
      setError(null);
    } catch (err) {
      if (id !== seq.current) return;
      setError(err);
      if (!quiet) reportError(err);
      if (latest.current.fallback !== undefined) setData(latest.current.fallback);
    } finally {
      if (id === seq.current) setLoading(false);
    }
  }, [loader, quiet, reportError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, setData, loading, error, reload };
}

export interface PagedList<T> {
  /** null while the first page loads (again after `deps` change). */
  items: T[] | null;
  setItems: Dispatch<SetStateAction<T[] | null>>;
  /** Where the next page starts; null at the end. */
  cursor: string | null;
  loading: boolean;
  loadMore(): void;
}

/** A keyset-paginated list: the first page on every change of `deps`, the next ones on demand, without duplicates. */
export function usePagedList<T extends { id: string }>(fetchPage: (cursor: string | null) => Promise<Page<T>>, deps: DependencyList): PagedList<T> {
  const { reportError } = useNotices();
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const fetcher = useCallback(fetchPage, deps);

  const load = useCallback(
    async (after: string | null) => {
      const id = ++seq.current;
      setLoading(true);
      try {
        const page = await fetcher(after);
        if (id !== seq.current) return;
        setItems((prev) => (after && prev ? [...prev, ...page.items.filter((x) => !prev.some((p) => p.id === x.id))] : page.items));
        setCursor(page.nextCursor);
      } catch (error) {
        if (id !== seq.current) return;
        reportError(error);
        setItems((prev) => prev ?? []);
      } finally {
        if (id === seq.current) setLoading(false);
      }
    },
    [fetcher, reportError],
  );

  useEffect(() => {
    setItems(null);
    setCursor(null);
    void load(null);
  }, [load]);

  const loadMore = useCallback(() => {
    if (cursor) void load(cursor);
  }, [cursor, load]);

  return { items, setItems, cursor, loading, loadMore };
}
