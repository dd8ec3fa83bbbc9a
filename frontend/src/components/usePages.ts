import { useCallback, useState } from 'react';
import { errorMessage } from '../lib/api';

/**
 * A list read in cursor pages (history, notifications): `load(null)` reads the first page, `load(cursor)` appends
 * the next; `error` is the last failure's message.
 */
export function usePages<T>(fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>, initiallyLoading = false) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(initiallyLoading);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (c: string | null) => {
      setLoading(true);
      try {
        const page = await fetchPage(c);
        setItems((prev) => (c ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [fetchPage],
  );
  return { items, setItems, cursor, loading, error, load };
}
