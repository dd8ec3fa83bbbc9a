import { useCallback, useEffect, useState } from 'react';
import { usePages } from './usePages';
import { errorMessage, type Api } from '../lib/api';
import { formatDateTime, relativeTime } from '../lib/time';
import type { HistoryItem, Task } from '../lib/types';
import { Modal } from './Modal';
import { recurrenceLabel } from './TaskRow';
import { actorLabel, tokenSubject } from '../lib/actor';
import { loadSession } from '../lib/session';

const TYPE_LABELS: Record<string, string> = {
  TaskCreated: 'Created',
  TaskUpdated: 'Edited',
  TaskEdited: 'Edited',
  TaskCompleted: 'Completed',
  TaskReopened: 'Reopened',
  TaskDeleted: 'Deleted',
  TaskRescheduled: 'Rescheduled',
  ReminderSent: 'Reminder sent',
};

export function eventLabel(type: string): string {
  if (TYPE_LABELS[type]) return TYPE_LABELS[type];
  // "task.updated" / "TaskTitleChanged" / "task_completed" -> readable words.
  const words = type
    .replace(/^task[._-]?/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

export function formatValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(String).join(', ') : '—';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.rrule === 'string') return `${o.rrule}${o.anchor ? ` (from ${o.anchor})` : ''}`;
    return JSON.stringify(v);
  }
  if (typeof v === 'string' && /At$/.test(field) && !Number.isNaN(Date.parse(v))) return formatDateTime(v);
  return String(v);
}

export function HistoryDialog({ api, task, onClose }: { api: Api; task: Task; onClose: () => void }) {
  const ownUserId = tokenSubject(loadSession()?.token);
  const page = useCallback((c: string | null) => api.history(task.id, c, 50), [api, task.id]);
  const { items, cursor, loading, error, load } = usePages<HistoryItem>(page, true);
  const [asOf, setAsOf] = useState<{ at: string; task: Task | null; error: string | null; loading: boolean } | null>(null);

  useEffect(() => {
    void load(null);
  }, [load]);

  async function viewAsOf(at: string) {
    setAsOf({ at, task: null, error: null, loading: true });
    try {
      const t = await api.getTask(task.id, at);
      setAsOf({ at, task: t, error: null, loading: false });
    } catch (e) {
      setAsOf({ at, task: null, error: errorMessage(e), loading: false });
    }
  }

  return (
    <Modal title={`History: ${task.title}`} onClose={onClose} wide testId="history-dialog">
      {error && <p className="error" role="alert">{error}</p>}
      {asOf && (
        <section className="asof" aria-live="polite" data-testid="asof">
          <div className="asof-head">
            <h3>As of {formatDateTime(asOf.at)}</h3>
            <button type="button" className="btn small ghost" onClick={() => setAsOf(null)}>
              Close snapshot
            </button>
          </div>
          {asOf.loading && <p className="muted">Loading…</p>}
          {asOf.error && <p className="error" role="alert">{asOf.error}</p>}
          {asOf.task && (
            <dl className="snapshot">
              <dt>Title</dt>
              <dd data-testid="asof-title">{asOf.task.title}</dd>
              <dt>Status</dt>
              <dd>{asOf.task.status}</dd>
              <dt>Priority</dt>
              <dd data-testid="asof-priority">{asOf.task.priority}</dd>
              <dt>Due</dt>
              <dd>{asOf.task.dueAt ? formatDateTime(asOf.task.dueAt) : '—'}</dd>
              <dt>Tags</dt>
              <dd>{asOf.task.tags?.length ? asOf.task.tags.join(', ') : '—'}</dd>
              <dt>Repeats</dt>
              <dd>{recurrenceLabel(asOf.task) ?? 'No'}</dd>
              <dt>Description</dt>
              <dd>{asOf.task.description || '—'}</dd>
              <dt>Version</dt>
              <dd>{asOf.task.version}</dd>
            </dl>
          )}
        </section>
      )}
      <ol className="timeline" aria-label="Changes, oldest first" data-testid="history-list">
        {items.map((it) => (
          <li key={it.eventId} className="timeline-item" data-testid="history-item" data-type={it.type}>
            <div className="timeline-head">
              <strong>{eventLabel(it.type)}</strong>
              <span className="muted">
                {actorLabel(it.actor, ownUserId) ? `by ${actorLabel(it.actor, ownUserId)} · ` : ''}
                <time dateTime={it.at} title={formatDateTime(it.at)}>
                  {formatDateTime(it.at)} ({relativeTime(it.at)})
                </time>
              </span>
              <button type="button" className="btn small ghost" onClick={() => void viewAsOf(it.at)} data-testid="history-asof">
                View as of this moment
              </button>
            </div>
            {it.changes && Object.keys(it.changes).length > 0 && (
              <table className="changes">
                <caption className="sr-only">Changed fields</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col" aria-hidden="true"></th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(it.changes).map(([field, ch]) => (
                    <tr key={field} data-testid="history-change" data-field={field}>
                      <th scope="row">{field}</th>
                      <td className="from">{formatValue(field, ch?.from)}</td>
                      <td aria-hidden="true">→</td>
                      <td className="to">{formatValue(field, ch?.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
      {!loading && !error && items.length === 0 && <p className="empty">No history yet.</p>}
      {loading && <p className="muted">Loading…</p>}
      {cursor && !loading && (
        <button type="button" className="btn ghost block" onClick={() => void load(cursor)}>
          Load older changes
        </button>
      )}
    </Modal>
  );
}
