/** Time helpers: time-zone aware conversion without a date library. */

export function userTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The wall-clock parts of `date` in `timeZone`. */
export function zonedParts(date: Date, timeZone: string) {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  });
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: parts.weekday, // Mon, Tue, ...
  };
}

/** Offset (ms) of `timeZone` from UTC at instant `date`. */
function offsetAt(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given local date-time. */
export function zonedToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let t = guess - offsetAt(new Date(guess), timeZone);
  // Second pass settles DST transitions.
  t = guess - offsetAt(new Date(t), timeZone);
  return new Date(t);
}

/** "YYYY-MM-DD" + "HH:mm" in `timeZone` -> ISO instant (UTC), or null if the date is empty/invalid. */
export function localInputsToIso(date: string, time: string, timeZone: string): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!dm) return null;
  const tm = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(time || '09:00');
  if (!tm) return null;
  const h = Number(tm[1]);
  const mi = Number(tm[2]);
  const se = tm[3] ? Number(tm[3]) : 0;
  return zonedToInstant(Number(dm[1]), Number(dm[2]), Number(dm[3]), h, mi, se, timeZone).toISOString();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO instant -> { date: "YYYY-MM-DD", time: "HH:mm" } in `timeZone`. */
export function isoToLocalInputs(iso: string | null | undefined, timeZone: string): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  const p = zonedParts(d, timeZone);
  const time = `${pad(p.hour)}:${pad(p.minute)}${p.second ? `:${pad(p.second)}` : ''}`;
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time };
}

/** Start (00:00) or end (23:59:59.999) of a local day as an ISO instant. */
export function dayBoundaryIso(date: string, end: boolean, timeZone: string): string {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!dm) return '';
  const d = zonedToInstant(Number(dm[1]), Number(dm[2]), Number(dm[3]), end ? 23 : 0, end ? 59 : 0, end ? 59 : 0, timeZone);
  if (end) d.setUTCMilliseconds(999);
  return d.toISOString();
}

export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(d);
}

export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const diff = t - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 864e5],
    ['month', 30 * 864e5],
    ['week', 7 * 864e5],
    ['day', 864e5],
    ['hour', 36e5],
    ['minute', 6e4],
  ];
  for (const [unit, ms] of units) {
    if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return abs < 45e3 ? (diff <= 0 ? 'just now' : 'in a few seconds') : rtf.format(Math.round(diff / 6e4), 'minute');
}

export function isOverdue(task: { status: string; dueAt: string | null }, now: number = Date.now()): boolean {
  if (task.status !== 'open' || !task.dueAt) return false;
  const t = new Date(task.dueAt).getTime();
  return !Number.isNaN(t) && t < now;
}
