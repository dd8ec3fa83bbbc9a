import { describe, expect, it } from 'vitest';
import { dayBoundaryIso, isOverdue, isoToLocalInputs, localInputsToIso, zonedToInstant } from './time';

describe('time', () => {
  it('local inputs -> UTC instant in a zone', () => {
    expect(localInputsToIso('2025-07-01', '09:30', 'Europe/Berlin')).toBe('2025-07-01T07:30:00.000Z');
    expect(localInputsToIso('2025-01-15', '09:30', 'Europe/Berlin')).toBe('2025-01-15T08:30:00.000Z');
    expect(localInputsToIso('2025-01-15', '23:59:30', 'America/New_York')).toBe('2025-01-16T04:59:30.000Z');
  });
  it('defaults the time to 09:00 and rejects bad input', () => {
    expect(localInputsToIso('2025-01-15', '', 'UTC')).toBe('2025-01-15T09:00:00.000Z');
    expect(localInputsToIso('', '10:00', 'UTC')).toBeNull();
    expect(localInputsToIso('2025-01-15', '9am', 'UTC')).toBeNull();
  });
  it('round trips through isoToLocalInputs', () => {
    expect(isoToLocalInputs('2025-07-01T07:30:00Z', 'Europe/Berlin')).toEqual({ date: '2025-07-01', time: '09:30' });
    expect(isoToLocalInputs('2025-07-01T07:30:15Z', 'Europe/Berlin')).toEqual({ date: '2025-07-01', time: '09:30:15' });
    expect(isoToLocalInputs(null, 'UTC')).toEqual({ date: '', time: '' });
  });
  it('handles DST transitions', () => {
    // 2025-03-30 03:30 Berlin is after the spring-forward gap: UTC+2.
    expect(zonedToInstant(2025, 3, 30, 3, 30, 0, 'Europe/Berlin').toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(zonedToInstant(2025, 10, 26, 12, 0, 0, 'Europe/Berlin').toISOString()).toBe('2025-10-26T11:00:00.000Z');
  });
  it('day boundaries', () => {
    expect(dayBoundaryIso('2025-01-15', false, 'Europe/Berlin')).toBe('2025-01-14T23:00:00.000Z');
    expect(dayBoundaryIso('2025-01-15', true, 'UTC')).toBe('2025-01-15T23:59:59.999Z');
  });
  it('isOverdue', () => {
    const now = Date.parse('2025-01-15T12:00:00Z');
    expect(isOverdue({ status: 'open', dueAt: '2025-01-15T11:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'completed', dueAt: '2025-01-15T11:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: '2025-01-15T13:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: null }, now)).toBe(false);
  });
});
