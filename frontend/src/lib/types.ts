export type Priority = 'none' | 'low' | 'medium' | 'high' | 'urgent';
export const PRIORITIES: Priority[] = ['none', 'low', 'medium', 'high', 'urgent'];
export type TaskStatus = 'open' | 'completed';
export type Anchor = 'due' | 'completion';

export interface Recurrence {
  rrule: string;
  anchor: Anchor;
}

export interface Task {
  id: string;
  title: string;
  description: string | null;
  priority: Priority;
  tags: string[];
  dueAt: string | null;
  timeZone: string | null;
  remindBeforeMinutes: number | null;
  recurrence: Recurrence | null;
  status: TaskStatus;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  seriesId?: string | null;
  previousOccurrenceId?: string | null;
}

/** Writable subset sent on create / patch. */
export interface TaskInput {
  title?: string;
  description?: string | null;
  priority?: Priority;
  tags?: string[];
  dueAt?: string | null;
  timeZone?: string | null;
  remindBeforeMinutes?: number | null;
  recurrence?: Recurrence | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HistoryItem {
  eventId: string;
  type: string;
  at: string;
  actor: string | null;
  changes: Record<string, { from: unknown; to: unknown }> | null;
}

export interface Notification {
  id: string;
  taskId: string;
  type: 'upcoming' | 'overdue' | string;
  title: string;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface AuthResponse {
  token: string;
  expiresAt: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  [key: string]: unknown;
}

export interface TaskChangedEvent {
  taskId: string;
  version: number;
  deleted: boolean;
  task: Task | null;
}

export interface NotificationCreatedEvent {
  notification: Notification;
  unreadCount: number;
}

export type TaskSortField = 'due' | 'priority' | 'created' | 'updated' | 'title';

export interface TaskFilters {
  status: 'open' | 'completed' | 'all';
  priority: Priority | '';
  tag: string;
  dueAfter: string; // ISO instant or ''
  dueBefore: string; // ISO instant or ''
  overdue: boolean;
  q: string;
  sort: TaskSortField;
  order: 'asc' | 'desc';
}
