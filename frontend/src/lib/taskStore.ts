/** Pure helpers that keep the loaded task list in step with local actions and live events. */
import type { Task, TaskChangedEvent, TaskFilters } from './types';

/** Loose client-side check whether a task belongs in the current view (used for live inserts). */
export function matchesFilters(t: Task, f: Partial<TaskFilters>, now: number = Date.now()): boolean {
  if (f.status && f.status !== 'all' && t.status !== f.status) return false;
  if (f.priority && t.priority !== f.priority) return false;
  if (f.tag && !t.tags?.some((x) => x.toLowerCase() === f.tag!.trim().toLowerCase())) return false;
  const due = t.dueAt ? new Date(t.dueAt).getTime() : null;
  if (f.dueAfter && (due === null || due < new Date(f.dueAfter).getTime())) return false;
  if (f.dueBefore && (due === null || due > new Date(f.dueBefore).getTime())) return false;
  if (f.overdue && !(t.status === 'open' && due !== null && due < now)) return false;
  if (f.q) {
    const q = f.q.trim().toLowerCase();
    if (q && !`${t.title} ${t.description ?? ''} ${(t.tags ?? []).join(' ')}`.toLowerCase().includes(q)) return false;
  }
  return true;
}

const PRIORITY_RANK: Record<string, number> = { urgent: 4, high: 3, medium: 2, low: 1, none: 0 };

export function compareTasks(a: Task, b: Task, sort: TaskFilters['sort'], order: TaskFilters['order']): number {
  const dir = order === 'desc' ? -1 : 1;
  const nullsLast = (x: number | null, y: number | null) => {
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * dir;
  };
  const time = (s: string | null | undefined) => (s ? new Date(s).getTime() : null);
  switch (sort) {
    case 'due':
      return nullsLast(time(a.dueAt), time(b.dueAt));
    case 'priority':
      return (PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]) * dir;
    case 'created':
      return nullsLast(time(a.createdAt), time(b.createdAt));
    case 'updated':
      return nullsLast(time(a.updatedAt), time(b.updatedAt));
    case 'title':
      return a.title.localeCompare(b.title) * dir;
    default:
      return 0;
  }
}

/** Inserts a task where the current sort puts it (before the first item that sorts after it). */
export function insertSorted(items: Task[], t: Task, f: Partial<TaskFilters>): Task[] {
  const sort = f.sort ?? 'due';
  const order = f.order ?? 'asc';
  const idx = items.findIndex((x) => compareTasks(t, x, sort, order) < 0);
  if (idx < 0) return [...items, t];
  return [...items.slice(0, idx), t, ...items.slice(idx)];
}

/**
 * Applies one live change. Tasks already shown are updated in place (never replaced by an older
 * version) and stay visible even if they no longer match, so the user sees what happened; new
 * tasks are inserted only if they match the filters.
 */
export function applyTaskChange(items: Task[], ev: TaskChangedEvent, f: Partial<TaskFilters>): Task[] {
  const idx = items.findIndex((t) => t.id === ev.taskId);
  if (ev.deleted) return idx < 0 ? items : items.filter((t) => t.id !== ev.taskId);
  if (!ev.task) return items;
  if (idx >= 0) {
    if ((items[idx].version ?? 0) > (ev.task.version ?? 0)) return items;
    const next = items.slice();
    next[idx] = ev.task;
    return next;
  }
  return matchesFilters(ev.task, f) ? insertSorted(items, ev.task, f) : items;
}

export function upsertTask(items: Task[], t: Task, f: Partial<TaskFilters>): Task[] {
  return applyTaskChange(items, { taskId: t.id, version: t.version, deleted: false, task: t }, f);
}

export function collectTags(items: Task[]): string[] {
  const set = new Set<string>();
  for (const t of items) for (const tag of t.tags ?? []) set.add(tag);
  return [...set].sort((a, b) => a.localeCompare(b));
}
