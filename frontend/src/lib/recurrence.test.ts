import { describe as suite, expect, it } from 'vitest';
import { defaultModel, describe, parseRRule, toRecurrence, toRRule, untilToUtc, type RecurrenceModel } from './recurrence';

const base = (over: Partial<RecurrenceModel>): RecurrenceModel => ({
  ...defaultModel(new Date('2025-03-11T09:00:00Z'), 'UTC'),
  enabled: true,
  ...over,
});

suite('toRRule', () => {
  it('daily', () => expect(toRRule(base({ freq: 'daily' }))).toBe('FREQ=DAILY'));
  it('every 3 days', () => expect(toRRule(base({ freq: 'daily', interval: 3 }))).toBe('FREQ=DAILY;INTERVAL=3'));
  it('weekly on MO,TH every 2 weeks', () =>
    expect(toRRule(base({ freq: 'weekly', interval: 2, weekdays: ['TH', 'MO'] }))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'));
  it('weekly with no days uses the due weekday (no BYDAY)', () =>
    expect(toRRule(base({ freq: 'weekly', weekdays: [] }))).toBe('FREQ=WEEKLY'));
  it('weekly on all weekdays, ordered', () =>
    expect(toRRule(base({ freq: 'weekly', weekdays: ['FR', 'WE', 'MO', 'TU', 'TH'] }))).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'));
  it('monthly on the last Friday', () =>
    expect(toRRule(base({ freq: 'monthly', monthlyMode: 'nthWeekday', nth: -1, nthWeekday: 'FR' }))).toBe('FREQ=MONTHLY;BYDAY=-1FR'));
  it('monthly on the 2nd Tuesday', () =>
    expect(toRRule(base({ freq: 'monthly', monthlyMode: 'nthWeekday', nth: 2, nthWeekday: 'TU' }))).toBe('FREQ=MONTHLY;BYDAY=2TU'));
  it('monthly on day 31', () =>
    expect(toRRule(base({ freq: 'monthly', monthlyMode: 'dayOfMonth', monthDay: 31 }))).toBe('FREQ=MONTHLY;BYMONTHDAY=31'));
  it('monthly on the last day', () =>
    expect(toRRule(base({ freq: 'monthly', monthlyMode: 'dayOfMonth', monthDay: -1 }))).toBe('FREQ=MONTHLY;BYMONTHDAY=-1'));
  it('every 2 months with COUNT', () =>
    expect(toRRule(base({ freq: 'monthly', interval: 2, monthDay: 15, end: 'count', count: 6 }))).toBe(
      'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15;COUNT=6',
    ));
  it('daily COUNT=5', () => expect(toRRule(base({ freq: 'daily', end: 'count', count: 5 }))).toBe('FREQ=DAILY;COUNT=5'));
  it('UNTIL in UTC is the end of the chosen day', () =>
    expect(toRRule(base({ freq: 'daily', end: 'until', until: '2025-12-31' }), 'UTC')).toBe('FREQ=DAILY;UNTIL=20251231T235959Z'));
  it('UNTIL converts the local end of day to UTC (Berlin, winter)', () =>
    expect(untilToUtc('2025-12-31', 'Europe/Berlin')).toBe('20251231T225959Z'));
  it('UNTIL converts the local end of day to UTC (New York, summer)', () =>
    expect(untilToUtc('2025-07-04', 'America/New_York')).toBe('20250705T035959Z'));
  it('yearly plain', () => expect(toRRule(base({ freq: 'yearly', yearMonth: 0 }))).toBe('FREQ=YEARLY'));
  it('yearly on a date', () =>
    expect(toRRule(base({ freq: 'yearly', yearMonth: 2, yearDay: 14 }))).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=14'));
  it('yearly every 2 years until', () =>
    expect(toRRule(base({ freq: 'yearly', interval: 2, yearMonth: 0, end: 'until', until: '2030-01-01' }))).toBe(
      'FREQ=YEARLY;INTERVAL=2;UNTIL=20300101T235959Z',
    ));
  it('ignores the weekly days for other frequencies', () =>
    expect(toRRule(base({ freq: 'daily', weekdays: ['MO'] }))).toBe('FREQ=DAILY'));
});

suite('toRecurrence', () => {
  it('null when disabled', () => expect(toRecurrence(base({ enabled: false }))).toBeNull());
  it('carries the anchor', () =>
    expect(toRecurrence(base({ freq: 'daily', anchor: 'completion' }))).toEqual({ rrule: 'FREQ=DAILY', anchor: 'completion' }));
});

suite('defaultModel', () => {
  it('takes weekday, month day and nth from the due date', () => {
    const m = defaultModel(new Date('2025-03-11T09:00:00Z'), 'UTC'); // Tuesday, 2nd Tuesday
    expect(m.weekdays).toEqual(['TU']);
    expect(m.nthWeekday).toBe('TU');
    expect(m.nth).toBe(2);
    expect(m.monthDay).toBe(11);
    expect(m.yearMonth).toBe(3);
  });
  it('last week of month gives nth = -1', () => {
    const m = defaultModel(new Date('2025-01-31T12:00:00Z'), 'UTC'); // last Friday
    expect(m.nth).toBe(-1);
    expect(m.nthWeekday).toBe('FR');
  });
  it('uses the time zone for the weekday', () => {
    // 2025-03-11 23:30 UTC is already Wednesday in Tokyo.
    expect(defaultModel(new Date('2025-03-11T23:30:00Z'), 'Asia/Tokyo').weekdays).toEqual(['WE']);
  });
});

suite('parseRRule round trips', () => {
  const rules = [
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=3',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    'FREQ=WEEKLY',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=MONTHLY;BYDAY=2TU',
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4',
    'FREQ=YEARLY',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=14',
    'FREQ=DAILY;UNTIL=20251231T235959Z',
    'FREQ=WEEKLY;BYDAY=SA,SU;COUNT=10',
  ];
  for (const r of rules) {
    it(r, () => {
      const m = parseRRule(r, 'due', defaultModel(new Date('2025-03-11T09:00:00Z'), 'UTC'), 'UTC');
      expect(m).not.toBeNull();
      expect(toRRule(m!, 'UTC')).toBe(r);
    });
  }
  it('accepts an RRULE: prefix and lower case', () => {
    expect(toRRule(parseRRule('RRULE:freq=weekly;byday=mo')!)).toBe('FREQ=WEEKLY;BYDAY=MO');
  });
  it('keeps the anchor', () => expect(parseRRule('FREQ=DAILY', 'completion')!.anchor).toBe('completion'));
  it('UNTIL is shown as the local day', () =>
    expect(parseRRule('FREQ=DAILY;UNTIL=20251231T225959Z', 'due', defaultModel(), 'Europe/Berlin')!.until).toBe('2025-12-31'));
  it('date-only UNTIL', () => expect(parseRRule('FREQ=DAILY;UNTIL=20251231')!.until).toBe('2025-12-31'));
  it.each(['', 'FREQ=HOURLY', 'FREQ=DAILY;BYHOUR=9', 'FREQ=MONTHLY;BYDAY=MO,TU', 'FREQ=MONTHLY;BYDAY=5MO', 'garbage', 'FREQ=WEEKLY;BYDAY=XX'])(
    'unsupported %j -> null',
    (r) => expect(parseRRule(r)).toBeNull(),
  );
});

suite('toRRule leaves checking to the server', () => {
  // The server's preview answers these with a 400 saying what is wrong (see api.test.ts); the form only maps.
  it('passes a bad interval on', () => expect(toRRule(base({ freq: 'daily', interval: 0 }))).toBe('FREQ=DAILY;INTERVAL=0'));
  it('passes a bad count on', () => expect(toRRule(base({ freq: 'daily', end: 'count', count: 0 }))).toBe('FREQ=DAILY;COUNT=0'));
  it('a missing end date is an empty UNTIL', () => expect(toRRule(base({ freq: 'daily', end: 'until', until: '' }))).toBe('FREQ=DAILY;UNTIL='));
  it('Feb 30 yearly', () =>
    expect(toRRule(base({ freq: 'yearly', yearMonth: 2, yearDay: 30 }))).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'));
});

suite('describe', () => {
  it('weekly', () =>
    expect(describe(base({ freq: 'weekly', interval: 2, weekdays: ['MO', 'TH'], end: 'count', count: 5 }))).toBe(
      'Every 2 weeks on Mon, Thu, 5 times',
    ));
  it('monthly nth', () =>
    expect(describe(base({ freq: 'monthly', monthlyMode: 'nthWeekday', nth: -1, nthWeekday: 'FR' }))).toBe('Monthly on the last Friday'));
  it('monthly day', () => expect(describe(base({ freq: 'monthly', monthlyMode: 'dayOfMonth', monthDay: 22 }))).toBe('Monthly on the 22nd'));
  it('completion anchor', () => expect(describe(base({ freq: 'daily', anchor: 'completion' }))).toBe('Daily (counted from completion)'));
  it('off', () => expect(describe(base({ enabled: false }))).toBe('Does not repeat'));
});
