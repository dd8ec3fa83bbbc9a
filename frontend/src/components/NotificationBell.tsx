import { useCallback, useEffect, useRef, useState } from 'react';
import { usePages } from './usePages';
import { errorMessage, type Api } from '../lib/api';
import { relativeTime } from '../lib/time';
import type { Notification } from '../lib/types';
import { useToast } from './Toasts';

export function NotificationBell({
  api,
  unread,
  setUnread,
  incoming,
  onOpenTask,
}: {
  api: Api;
  unread: number;
  setUnread: (n: number | ((n: number) => number)) => void;
  incoming: Notification | null;
  onOpenTask: (taskId: string) => void;
}) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const page = useCallback((c: string | null) => api.notifications(unreadOnly, c, 20), [api, unreadOnly]);
  const { items, setItems, cursor, loading, error, load } = usePages<Notification>(page);

  useEffect(() => {
    if (open) void load(null);
  }, [open, load]);

  useEffect(() => {
    if (incoming) setItems((prev) => (prev.some((n) => n.id === incoming.id) ? prev : [incoming, ...prev]));
  }, [incoming]);

  // Close on outside click / Escape.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function markRead(n: Notification) {
    if (n.readAt) return;
    setItems((prev) => prev.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
    setUnread((u) => Math.max(0, u - 1));
    try {
      await api.markRead(n.id);
    } catch (e) {
      toast(errorMessage(e), 'error');
      api.unreadCount().then(setUnread, () => {});
    }
  }

  async function markAll() {
    const now = new Date().toISOString();
    setItems((prev) => prev.map((x) => (x.readAt ? x : { ...x, readAt: now })));
    setUnread(0);
    try {
      await api.markAllRead();
    } catch (e) {
      toast(errorMessage(e), 'error');
      api.unreadCount().then(setUnread, () => {});
    }
  }

  async function snooze(n: Notification, minutes: number) {
    setItems((prev) => prev.filter((x) => x.id !== n.id));
    if (!n.readAt) setUnread((u) => Math.max(0, u - 1));
    try {
      await api.snooze(n.id, minutes);
      toast(`Snoozed for ${minutes >= 60 ? `${minutes / 60} h` : `${minutes} min`}`, 'success');
    } catch (e) {
      toast(errorMessage(e), 'error');
      void load(null);
    }
    api.unreadCount().then(setUnread, () => {});
  }

  return (
    <div className="bell-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="icon-btn bell"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen((o) => !o)}
        data-testid="bell"
      >
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && (
          <span className="count" data-testid="unread-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <span className="sr-only" aria-live="polite" data-testid="unread-live">
        {unread} unread notifications
      </span>
      {open && (
        <section id="notification-panel" className="panel" aria-label="Notifications" data-testid="notification-panel">
          <div className="panel-head">
            <h2>Notifications</h2>
            <label className="check small">
              <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
            </label>
            <button type="button" className="btn small link" onClick={() => void markAll()} disabled={unread === 0} data-testid="read-all">
              Mark all read
            </button>
          </div>
          {error && <p className="error" role="alert">{error}</p>}
          <ul className="notifications">
            {items.map((n) => (
              <li key={n.id} className={`notification${n.readAt ? '' : ' unread'} type-${n.type}`} data-testid="notification-item">
                <button
                  type="button"
                  className="notification-main"
                  onClick={() => {
                    void markRead(n);
                    setOpen(false);
                    onOpenTask(n.taskId);
                  }}
                >
                  <span className={`badge ntype ntype-${n.type}`}>{n.type === 'overdue' ? 'Overdue' : n.type === 'upcoming' ? 'Upcoming' : n.type}</span>
                  <span className="ntitle">{n.title}</span>
                  {n.body && <span className="nbody">{n.body}</span>}
                  <time className="muted" dateTime={n.createdAt}>{relativeTime(n.createdAt)}</time>
                </button>
                <div className="notification-actions">
                  {!n.readAt && (
                    <button type="button" className="btn small ghost" onClick={() => void markRead(n)} aria-label={`Mark “${n.title}” as read`}>
                      Mark read
                    </button>
                  )}
                  <label className="sr-only" htmlFor={`snooze-${n.id}`}>Snooze “{n.title}”</label>
                  <select
                    id={`snooze-${n.id}`}
                    className="small"
                    value=""
                    onChange={(e) => e.target.value && void snooze(n, Number(e.target.value))}
                  >
                    <option value="">Snooze…</option>
                    <option value="10">10 min</option>
                    <option value="60">1 hour</option>
                    <option value="240">4 hours</option>
                    <option value="1440">1 day</option>
                  </select>
                </div>
              </li>
            ))}
          </ul>
          {!loading && items.length === 0 && !error && <p className="empty">You’re all caught up.</p>}
          {loading && <p className="muted">Loading…</p>}
          {cursor && !loading && (
            <button type="button" className="btn ghost block" onClick={() => void load(cursor)}>
              Load more
            </button>
          )}
        </section>
      )}
    </div>
  );
}
