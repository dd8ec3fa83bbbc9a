/**
 * The friendly recurrence picker's model and its translation to / from an RFC 5545 RRULE. Nothing here checks
 * or computes a rule: the server's preview (`POST /api/recurrence/preview`) says what is wrong with it and
 * which dates it gives, with the same engine that schedules the occurrences.
 */
import type { Anchor, Recurrence } from './types';
import { zonedParts, zonedToInstant } from './time';

export type Freq = 'daily' | 'weekly' | 'monthly' | 'yearly';
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const WEEKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
/** 1..4 = first..fourth, -1 = last. */
export type Nth = 1 | 2 | 3 | 4 | -1;
export const NTH_NAMES: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };

export interface RecurrenceModel {
  enabled: boolean;
  freq: Freq;
  interval: number;
  /** weekly: the chosen days (empty = the due date's weekday, i.e. no BYDAY). */
  weekdays: Weekday[];
  monthlyMode: 'dayOfMonth' | 'nthWeekday';
  /** monthly by day of month: 1..31, or -1 = last day of the month. */
  monthDay: number;
  nth: Nth;
  nthWeekday: Weekday;
  /** yearly: month 1..12 and day 1..31 (0 = same as the due date, no BYMONTH/BYMONTHDAY). */
  yearMonth: number;
  yearDay: number;
  end: 'never' | 'count' | 'until';
  count: number;
  /** "YYYY-MM-DD", the last day (inclusive) in the task's time zone. */
  until: string;
  anchor: Anchor;
}

export function defaultModel(due?: Date | null, timeZone = 'UTC'): RecurrenceModel {
  const d = due ?? new Date();
  const p = zonedParts(d, timeZone);
  const wd = p.weekday.slice(0, 2).toUpperCase() as Weekday;
  const lastWeek = p.day + 7 > daysInMonth(p.year, p.month);
  const nth = (lastWeek && p.day > 28 ? -1 : Math.min(4, Math.ceil(p.day / 7))) as Nth;
  return {
    enabled: false,
    freq: 'weekly',
    interval: 1,
    weekdays: WEEKDAYS.includes(wd) ? [wd] : [],
    monthlyMode: 'dayOfMonth',
    monthDay: p.day,
    nth,
    nthWeekday: WEEKDAYS.includes(wd) ? wd : 'MO',
    yearMonth: p.month,
    yearDay: p.day,
    end: 'never',
    count: 10,
    until: '',
    anchor: 'due',
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** UNTIL as a UTC date-time: the end of the chosen local day in `timeZone`. */
export function untilToUtc(until: string, timeZone: string): string {
  const [y, mo, d] = until.split('-').map(Number);
  const t = zonedToInstant(y, mo, d, 23, 59, 59, timeZone);
  return (
    `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}Z`
  );
}

export function toRRule(m: RecurrenceModel, timeZone = 'UTC'): string {
  const parts: string[] = [`FREQ=${m.freq.toUpperCase()}`];
  if (m.interval !== 1) parts.push(`INTERVAL=${m.interval}`); // the server says what is wrong with a bad one
  switch (m.freq) {
    case 'weekly':
      if (m.weekdays.length) {
        const days = WEEKDAYS.filter((d) => m.weekdays.includes(d));
        parts.push(`BYDAY=${days.join(',')}`);
      }
      break;
    case 'monthly':
      if (m.monthlyMode === 'nthWeekday') parts.push(`BYDAY=${m.nth}${m.nthWeekday}`);
      else parts.push(`BYMONTHDAY=${m.monthDay}`);
      break;
    case 'yearly':
      if (m.yearMonth) {
        parts.push(`BYMONTH=${m.yearMonth}`);
        parts.push(`BYMONTHDAY=${m.yearDay}`);
      }
      break;
    default:
      break;
  }
  if (m.end === 'count') parts.push(`COUNT=${m.count}`);
  if (m.end === 'until') parts.push(`UNTIL=${m.until ? untilToUtc(m.until, timeZone) : ''}`);
  return parts.join(';');
}

export function toRecurrence(m: RecurrenceModel, timeZone = 'UTC'): Recurrence | null {
  if (!m.enabled) return null;
  return { rrule: toRRule(m, timeZone), anchor: m.anchor };
}

/**
 * Reads an RRULE back into the picker model. Returns null when the rule uses parts the picker
 * cannot show (it is then kept as is and shown as text).
 */
export function parseRRule(
  rrule: string,
  anchor: Anchor = 'due',
  base: RecurrenceModel = defaultModel(),
  timeZone = 'UTC',
): RecurrenceModel | null {
  const m: RecurrenceModel = { ...base, enabled: true, anchor, interval: 1, end: 'never' };
  const body = rrule.trim().replace(/^RRULE:/i, '');
  if (!body) return null;
  const map = new Map<string, string>();
  for (const part of body.split(';')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    map.set(part.slice(0, eq).toUpperCase(), part.slice(eq + 1).toUpperCase());
  }
  const freq = map.get('FREQ');
  if (!freq || !['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) return null;
  m.freq = freq.toLowerCase() as Freq;
  for (const [k, v] of map) {
    switch (k) {
      case 'FREQ':
      case 'WKST':
        break;
      case 'INTERVAL':
        if (!/^\d+$/.test(v)) return null;
        m.interval = Number(v);
        break;
      case 'COUNT':
        if (!/^\d+$/.test(v)) return null;
        m.end = 'count';
        m.count = Number(v);
        break;
      case 'UNTIL': {
        const u = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(v);
        if (!u) return null;
        m.end = 'until';
        if (u[4] && u[7]) {
          const inst = new Date(Date.UTC(+u[1], +u[2] - 1, +u[3], +u[4], +u[5], +u[6]));
          const p = zonedParts(inst, timeZone);
          m.until = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
        } else {
          m.until = `${u[1]}-${u[2]}-${u[3]}`;
        }
        break;
      }
      case 'BYDAY': {
        const items = v.split(',');
        if (m.freq === 'weekly') {
          if (!items.every((d) => WEEKDAYS.includes(d as Weekday))) return null;
          m.weekdays = items as Weekday[];
        } else if (m.freq === 'monthly' && items.length === 1) {
          const x = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(items[0]);
          if (!x) return null;
          const n = Number(x[1]);
          if (![1, 2, 3, 4, -1].includes(n)) return null;
          m.monthlyMode = 'nthWeekday';
          m.nth = n as Nth;
          m.nthWeekday = x[2] as Weekday;
        } else return null;
        break;
      }
      case 'BYMONTHDAY': {
        if (!/^-?\d+$/.test(v)) return null;
        const n = Number(v);
        if (m.freq === 'monthly') {
          if (!(n === -1 || (n >= 1 && n <= 31))) return null;
          m.monthlyMode = 'dayOfMonth';
          m.monthDay = n;
        } else if (m.freq === 'yearly') {
          m.yearDay = n;
        } else return null;
        break;
      }
      case 'BYMONTH':
        if (m.freq !== 'yearly' || !/^\d+$/.test(v)) return null;
        m.yearMonth = Number(v);
        break;
      default:
        return null;
    }
  }
  if (m.freq === 'yearly' && (map.has('BYMONTH') !== map.has('BYMONTHDAY'))) return null;
  if (m.freq === 'yearly' && !map.has('BYMONTH')) m.yearMonth = 0;
  if (m.freq === 'weekly' && !map.has('BYDAY')) m.weekdays = [];
  return m;
}

const short = (d: Weekday) => WEEKDAY_NAMES[d].slice(0, 3);

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

/** A one-line English summary, e.g. "Every 2 weeks on Mon, Thu, 5 times". */
export function describe(m: RecurrenceModel): string {
  if (!m.enabled) return 'Does not repeat';
  const unit = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' }[m.freq];
  let s = m.interval === 1 ? (m.freq === 'daily' ? 'Daily' : m.freq === 'weekly' ? 'Weekly' : m.freq === 'monthly' ? 'Monthly' : 'Yearly') : `Every ${m.interval} ${unit}s`;
  if (m.freq === 'weekly' && m.weekdays.length) s += ` on ${WEEKDAYS.filter((d) => m.weekdays.includes(d)).map(short).join(', ')}`;
  if (m.freq === 'monthly') {
    if (m.monthlyMode === 'nthWeekday') s += ` on the ${NTH_NAMES[String(m.nth)]} ${WEEKDAY_NAMES[m.nthWeekday]}`;
    else s += m.monthDay === -1 ? ' on the last day' : ` on the ${ordinal(m.monthDay)}`;
  }
  if (m.freq === 'yearly' && m.yearMonth) s += ` on ${MONTH_NAMES[m.yearMonth - 1]} ${m.yearDay}`;
  if (m.end === 'count') s += m.count === 1 ? ', once' : `, ${m.count} times`;
  if (m.end === 'until' && m.until) s += `, until ${m.until}`;
  if (m.anchor === 'completion') s += ' (counted from completion)';
  return s;
}
