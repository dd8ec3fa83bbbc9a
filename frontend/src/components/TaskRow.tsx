import { describe as describeRecurrence, parseRRule } from '../lib/recurrence';
import { formatDateTime, isOverdue, relativeTime } from '../lib/time';
import type { Task } from '../lib/types';

export function recurrenceLabel(t: Task): string | null {
  if (!t.recurrence) return null;
  const m = parseRRule(t.recurrence.rrule, t.recurrence.anchor);
  return m ? describeRecurrence(m) : t.recurrence.rrule;
}

export function TaskRow({
  task: t,
  now,
  onToggle,
  onEdit,
  onHistory,
  onDelete,
}: {
  task: Task;
  now: number;
  onToggle: () => void;
  onEdit: () => void;
  onHistory: () => void;
  onDelete: () => void;
}) {
  const overdue = isOverdue(t, now);
  const done = t.status === 'completed';
  const rec = recurrenceLabel(t);
  return (
    <li
      className={`task prio-${t.priority}${overdue ? ' overdue' : ''}${done ? ' done' : ''}`}
      data-testid="task-item"
      data-task-id={t.id}
      data-status={t.status}
      data-overdue={overdue ? 'true' : 'false'}
    >
      <input
        type="checkbox"
        className="task-check"
        checked={done}
        onChange={onToggle}
        aria-label={done ? `Reopen “${t.title}”` : `Complete “${t.title}”`}
        data-testid="task-complete"
      />
      <div className="task-main">
        <button type="button" className="task-title" onClick={onEdit} data-testid="task-title" aria-label={`Edit “${t.title}”`}>
          {t.title}
        </button>
        <div className="task-meta">
          {t.priority !== 'none' && <span className={`badge prio prio-${t.priority}`} data-testid="task-priority">{t.priority}</span>}
          {overdue && <span className="badge overdue-badge" data-testid="overdue-badge">Overdue</span>}
          {t.dueAt && (
            <span className="due" title={formatDateTime(t.dueAt)} data-testid="task-due" data-due={t.dueAt}>
              Due{' '}
              {formatDateTime(t.dueAt)} · {relativeTime(t.dueAt, now)}
            </span>
          )}
          {rec && (
            <span className="recurs" title={t.recurrence?.rrule} data-testid="task-recurrence">
              <span aria-hidden="true">↻ </span>
              {rec}
            </span>
          )}
          {t.tags?.map((tag) => (
            <span key={tag} className="tag">#{tag}</span>
          ))}
        </div>
        {t.description && <p className="task-desc">{t.description}</p>}
      </div>
      <div className="task-actions">
        <button type="button" className="btn small ghost" onClick={onHistory} data-testid="task-history" aria-label={`History of “${t.title}”`}>
          History
        </button>
        <button type="button" className="btn small ghost danger" onClick={onDelete} data-testid="task-delete" aria-label={`Delete “${t.title}”`}>
          Delete
        </button>
      </div>
    </li>
  );
}
