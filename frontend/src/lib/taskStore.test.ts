import { describe, expect, it } from 'vitest';
import { applyTaskChange, collectTags, matchesFilters } from './taskStore';
import type { Task } from './types';

const t = (over: Partial<Task>): Task => ({
  id: 'x', title: 'T', description: null, priority: 'none', tags: [], dueAt: null, timeZone: 'UTC',
  remindBeforeMinutes: 60, recurrence: null, status: 'open', completedAt: null,
  createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', version: 1, ...over,
});

describe('taskStore', () => {
  const f = { status: 'open' as const, sort: 'due' as const, order: 'asc' as const };
  it('inserts a matching new task in sort order', () => {
    const items = [t({ id: 'a', dueAt: '2025-01-01T00:00:00Z' }), t({ id: 'c', dueAt: '2025-03-01T00:00:00Z' })];
    const out = applyTaskChange(items, { taskId: 'b', version: 1, deleted: false, task: t({ id: 'b', dueAt: '2025-02-01T00:00:00Z' }) }, f);
    expect(out.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
  it('tasks without due date go last', () => {
    const items = [t({ id: 'a', dueAt: '2025-01-01T00:00:00Z' })];
    const out = applyTaskChange(items, { taskId: 'b', version: 1, deleted: false, task: t({ id: 'b' }) }, f);
    expect(out.map((x) => x.id)).toEqual(['a', 'b']);
  });
  it('skips a new task that does not match', () => {
    const out = applyTaskChange([], { taskId: 'b', version: 1, deleted: false, task: t({ id: 'b', status: 'completed' }) }, f);
    expect(out).toEqual([]);
  });
  it('updates in place, ignoring older versions', () => {
    const items = [t({ id: 'a', version: 3, title: 'new' })];
    expect(applyTaskChange(items, { taskId: 'a', version: 2, deleted: false, task: t({ id: 'a', version: 2, title: 'old' }) }, f)[0].title).toBe('new');
    expect(applyTaskChange(items, { taskId: 'a', version: 4, deleted: false, task: t({ id: 'a', version: 4, status: 'completed' }) }, f)[0].status).toBe('completed');
  });
  it('removes deleted tasks', () => {
    expect(applyTaskChange([t({ id: 'a' })], { taskId: 'a', version: 2, deleted: true, task: null }, f)).toEqual([]);
  });
  it('matchesFilters: tag, priority, q, overdue, due range', () => {
    const task = t({ tags: ['Home'], priority: 'high', title: 'Buy milk', dueAt: '2025-01-02T00:00:00Z' });
    expect(matchesFilters(task, { tag: 'home' })).toBe(true);
    expect(matchesFilters(task, { tag: 'work' })).toBe(false);
    expect(matchesFilters(task, { priority: 'low' })).toBe(false);
    expect(matchesFilters(task, { q: 'MILK' })).toBe(true);
    expect(matchesFilters(task, { overdue: true }, Date.parse('2025-02-01T00:00:00Z'))).toBe(true);
    expect(matchesFilters(task, { dueAfter: '2025-01-03T00:00:00Z' })).toBe(false);
    expect(matchesFilters(task, { dueBefore: '2025-01-03T00:00:00Z' })).toBe(true);
  });
  it('collectTags', () => expect(collectTags([t({ tags: ['b', 'a'] }), t({ tags: ['a'] })])).toEqual(['a', 'b']));
});
