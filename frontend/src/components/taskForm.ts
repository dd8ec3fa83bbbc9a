/** The task dialog's form: its state, how a task fills it, and how it becomes the API's input. */
import { defaultModel, parseRRule, type RecurrenceModel } from '../lib/recurrence';
import { isoToLocalInputs } from '../lib/time';
import type { Priority, Task, TaskInput } from '../lib/types';

export const REMIND_OPTIONS: [number, string][] = [
  [0, 'No reminder'],
  [5, '5 minutes before'],
  [10, '10 minutes before'],
  [15, '15 minutes before'],
  [30, '30 minutes before'],
  [60, '1 hour before'],
  [120, '2 hours before'],
  [240, '4 hours before'],
  [1440, '1 day before'],
  [2880, '2 days before'],
  [10080, '1 week before'],
];

export interface FormState {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  dueDate: string;
  dueTime: string;
  remind: number;
  model: RecurrenceModel;
  /** A rule the picker cannot show; kept verbatim unless the user changes the repeat settings. */
  customRule: Task['recurrence'];
}

export function toForm(t: Task | null, tz: string): FormState {
  const { date, time } = isoToLocalInputs(t?.dueAt, tz);
  const base = defaultModel(t?.dueAt ? new Date(t.dueAt) : new Date(), tz);
  let model = base;
  let customRule: Task['recurrence'] = null;
  if (t?.recurrence) {
    const parsed = parseRRule(t.recurrence.rrule, t.recurrence.anchor, base, tz);
    if (parsed) model = parsed;
    else customRule = t.recurrence;
  }
  return {
    title: t?.title ?? '',
    description: t?.description ?? '',
    priority: t?.priority ?? 'none',
    tags: t?.tags ?? [],
    dueDate: date,
    dueTime: time,
    remind: t?.remindBeforeMinutes ?? 60,
    model,
    customRule,
  };
}

export function taskToInput(t: Task): TaskInput {
  return {
    title: t.title,
    description: t.description ?? null,
    priority: t.priority,
    tags: t.tags ?? [],
    dueAt: t.dueAt ?? null,
    timeZone: t.timeZone ?? null,
    remindBeforeMinutes: t.remindBeforeMinutes ?? null,
    recurrence: t.recurrence ?? null,
  };
}

export function sameInstant(a: string | null | undefined, b: string | null | undefined) {
  if (!a || !b) return !a && !b;
  return new Date(a).getTime() === new Date(b).getTime();
}
