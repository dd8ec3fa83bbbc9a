import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage, type Api } from '../lib/api';
import type { Session } from '../lib/session';
import { connectStream, type StreamStatus } from '../lib/sse';
import { applyTaskChange, collectTags, upsertTask } from '../lib/taskStore';
import { userTimeZone } from '../lib/time';
import type { Notification, NotificationCreatedEvent, Task, TaskChangedEvent } from '../lib/types';
import { DEFAULT_FILTERS, FilterBar, filtersActive, toApiFilters, type UiFilters } from './FilterBar';
import { HistoryDialog } from './HistoryDialog';
import { TaskDialog } from './TaskDialog';
import { TaskRow } from './TaskRow';
import { TopBar } from './TopBar';
import { useToast } from './Toasts';

const PAGE = 25;

export function Dashboard({
  api,
  session,
  getToken,
  onLogout,
}: {
  api: Api;
  session: Session;
  getToken: () => string | null;
  onLogout: (message?: string) => void;
}) {
  const toast = useToast();
  const tz = useMemo(() => userTimeZone(), []);
  const [ui, setUi] = useState<UiFilters>(DEFAULT_FILTERS);
  const [q, setQ] = useState('');
  const filters = useMemo(() => toApiFilters(ui, tz), [ui, tz]);
  const filtersRef = useRef(filters);
  /** Tasks with a write of ours in flight, and the newest live change that arrived meanwhile. */
  const inFlightRef = useRef(new Map<string, TaskChangedEvent | null>());
  filtersRef.current = filters;

  const [items, setItems] = useState<Task[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [live, setLive] = useState<StreamStatus>('connecting');
  const [unread, setUnread] = useState(0);
  const [incoming, setIncoming] = useState<Notification | null>(null);
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<Task | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const seq = useRef(0);
  const [knownTags, setKnownTags] = useState<string[]>([]);

  // Debounced search box.
  useEffect(() => {
    const h = setTimeout(() => setUi((u) => (u.q === q ? u : { ...u, q })), 300);
    return () => clearTimeout(h);
  }, [q]);

  // Re-evaluate "overdue" every 15 s.
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 15000);
    return () => clearInterval(h);
  }, []);

  const load = useCallback(
    async (cursor: string | null) => {
      const my = ++seq.current;
      setLoading(true);
      if (!cursor) setLoadError(null);
      try {
        const page = await api.listTasks(filtersRef.current, cursor, PAGE);
        if (my !== seq.current) return;
        setItems((prev) => {
          if (!cursor) return page.items;
          const seen = new Set(prev.map((t) => t.id));
          return [...prev, ...page.items.filter((t) => !seen.has(t.id))];
        });
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (my !== seq.current) return;
        if (!(e instanceof ApiError && e.status === 401)) setLoadError(errorMessage(e));
      } finally {
        if (my === seq.current) setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(null);
  }, [filters, load]);

  useEffect(() => {
    setKnownTags((prev) => {
      const merged = collectTags(items);
      const all = [...new Set([...prev, ...merged])].sort((a, b) => a.localeCompare(b));
      return all.length === prev.length ? prev : all;
    });
  }, [items]);

  // Unread count: on start, then every 30 s as a fallback to the stream.
  const refreshUnread = useCallback(() => {
    api.unreadCount().then(setUnread, () => {});
  }, [api]);
  useEffect(() => {
    refreshUnread();
    const h = setInterval(refreshUnread, 30000);
    return () => clearInterval(h);
  }, [refreshUnread]);

  // Live stream.
  useEffect(() => {
    const handle = connectStream({
      url: '/api/stream',
      getToken,
      onStatus: (s) => setLive(s),
      onUnauthorized: () => onLogout('Your session has ended. Please log in again.'),
      onMessage: (msg) => {
        if (msg.event === 'task.changed') {
          let ev: TaskChangedEvent;
          try {
            ev = JSON.parse(msg.data) as TaskChangedEvent;
          } catch {
            return;
          }
          if (!ev.deleted && !ev.task) {
            api.getTask(ev.taskId).then(
              (task) => setItems((prev) => upsertTask(prev, task, filtersRef.current)),
              () => {},
            );
            return;
          }
          if (inFlightRef.current.has(ev.taskId)) {
            // a write of ours is on its way: its answer is newer; keep this change for after it
            inFlightRef.current.set(ev.taskId, ev);
            return;
          }
          setItems((prev) => applyTaskChange(prev, ev, filtersRef.current));
        } else if (msg.event === 'notification.created') {
          try {
            const ev = JSON.parse(msg.data) as NotificationCreatedEvent;
            if (typeof ev.unreadCount === 'number') setUnread(ev.unreadCount);
            else setUnread((u) => u + 1);
            if (ev.notification) {
              setIncoming(ev.notification);
              toast(`Reminder: ${ev.notification.title}`);
            }
          } catch {
            /* ignore malformed */
          }
        }
      },
    });
    // When the stream comes back after a gap, refresh what we show.
    return () => handle.close();
  }, [api, getToken, onLogout, toast]);

  const prevLive = useRef<StreamStatus>('connecting');
  useEffect(() => {
    if (live === 'open' && prevLive.current === 'reconnecting') {
      void load(null);
      refreshUnread();
    }
    prevLive.current = live;
  }, [live, load, refreshUnread]);

  // Infinite scroll.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !nextCursor || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !loading) void load(nextCursor);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [nextCursor, loading, load]);

  const replace = useCallback((t: Task) => setItems((prev) => upsertTask(prev, t, filtersRef.current)), []);

  async function toggleComplete(t: Task) {
    const completing = t.status === 'open';
    const before = items;
    inFlightRef.current.set(t.id, null);
    setItems((prev) =>
      prev.map((x) =>
        x.id === t.id ? { ...x, status: completing ? 'completed' : 'open', completedAt: completing ? new Date().toISOString() : null } : x,
      ),
    );
    try {
      const updated = completing ? await api.completeTask(t.id) : await api.reopenTask(t.id);
      if (updated && typeof updated === 'object' && updated.id) replace(updated);
      toast(completing ? `Completed “${t.title}”` : `Reopened “${t.title}”`, 'success');
      if (completing && t.recurrence) {
        // The next occurrence normally arrives over the stream; refetch as a safety net.
        setTimeout(() => void load(null), 1500);
      }
    } catch (e) {
      setItems(before);
      if (!(e instanceof ApiError && e.status === 401)) toast(errorMessage(e), 'error');
    } finally {
      const held = inFlightRef.current.get(t.id);
      inFlightRef.current.delete(t.id);
      // applied only if newer than what the answer brought (applyTaskChange compares versions)
      if (held) setItems((prev) => applyTaskChange(prev, held, filtersRef.current));
    }
  }

  async function remove(t: Task) {
    if (!window.confirm(`Delete “${t.title}”? Its history is kept.`)) return;
    const idx = items.findIndex((x) => x.id === t.id);
    setItems((prev) => prev.filter((x) => x.id !== t.id));
    try {
      await api.deleteTask(t.id);
      toast(`Deleted “${t.title}”`, 'success');
    } catch (e) {
      setItems((prev) => (prev.some((x) => x.id === t.id) ? prev : [...prev.slice(0, idx), t, ...prev.slice(idx)]));
      if (!(e instanceof ApiError && e.status === 401)) toast(errorMessage(e), 'error');
    }
  }

  const openTaskById = useCallback(
    async (id: string) => {
      try {
        setEditing(await api.getTask(id));
      } catch (e) {
        toast(errorMessage(e), 'error');
      }
    },
    [api, toast],
  );


  return (
    <div className="app">
      <TopBar
        api={api}
        session={session}
        live={live}
        unread={unread}
        setUnread={setUnread}
        incoming={incoming}
        onOpenTask={openTaskById}
        onLogout={() => onLogout()}
      />

      <main className="content">
        <div className="toolbar">
          <h1>Tasks</h1>
          <button type="button" className="btn primary" onClick={() => setEditing('new')} data-testid="new-task">
            + New task
          </button>
        </div>

        <FilterBar ui={ui} setUi={setUi} q={q} setQ={setQ} knownTags={knownTags} />

        {loadError && (
          <div className="error banner" role="alert">
            {loadError}{' '}
            <button type="button" className="btn link" onClick={() => void load(null)}>Try again</button>
          </div>
        )}

        <ul className="task-list" aria-label="Tasks" aria-busy={loading} data-testid="task-list">
          {items.map((t) => (
            <TaskRow
              key={t.id}
              task={t}
              now={now}
              onToggle={() => void toggleComplete(t)}
              onEdit={() => setEditing(t)}
              onHistory={() => setHistoryOf(t)}
              onDelete={() => void remove(t)}
            />
          ))}
        </ul>
        {!loading && !loadError && items.length === 0 && (
          <p className="empty" data-testid="empty">
            {filtersActive(ui) ? 'No tasks match these filters.' : 'Nothing to do yet. Create your first task.'}
          </p>
        )}
        <div ref={sentinel} />
        {nextCursor && (
          <button type="button" className="btn ghost block" disabled={loading} onClick={() => void load(nextCursor)} data-testid="load-more">
            {loading ? 'Loading…' : 'Load more'}
          </button>
        )}
        {loading && !nextCursor && <p className="muted center">Loading…</p>}
      </main>

      {editing && (
        <TaskDialog
          api={api}
          task={editing === 'new' ? null : editing}
          knownTags={knownTags}
          onClose={() => setEditing(null)}
          onSaved={(t, created) => {
            replace(t);
            toast(created ? `Created “${t.title}”` : `Saved “${t.title}”`, 'success');
            setEditing(null);
          }}
          onHistory={(t) => { setEditing(null); setHistoryOf(t); }}
        />
      )}
      {historyOf && <HistoryDialog api={api} task={historyOf} onClose={() => setHistoryOf(null)} />}
    </div>
  );
}
