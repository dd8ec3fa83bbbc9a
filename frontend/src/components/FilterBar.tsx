import { useState } from 'react';
import { dayBoundaryIso } from '../lib/time';
import type { TaskFilters } from '../lib/types';
import { PRIORITIES } from '../lib/types';

/** The list's filters as the form holds them: due dates as local days. */
export interface UiFilters extends Omit<TaskFilters, 'dueAfter' | 'dueBefore'> {
  dueFrom: string; // YYYY-MM-DD
  dueTo: string;
}

export const DEFAULT_FILTERS: UiFilters = {
  status: 'open',
  priority: '',
  tag: '',
  dueFrom: '',
  dueTo: '',
  overdue: false,
  q: '',
  sort: 'due',
  order: 'asc',
};

export function toApiFilters(f: UiFilters, tz: string): TaskFilters {
  const { dueFrom, dueTo, ...rest } = f;
  return { ...rest, dueAfter: dueFrom ? dayBoundaryIso(dueFrom, false, tz) : '', dueBefore: dueTo ? dayBoundaryIso(dueTo, true, tz) : '' };
}

/** Whether the filters differ from the defaults (then "Reset" shows). */
export function filtersActive(ui: UiFilters): boolean {
  return Boolean(ui.priority || ui.tag || ui.dueFrom || ui.dueTo || ui.overdue || ui.q || ui.status !== 'open' || ui.sort !== 'due' || ui.order !== 'asc');
}

/** Search, status, and behind "More filters" priority, tag, due range, sort and "overdue only". */
export function FilterBar({
  ui,
  setUi,
  q,
  setQ,
  knownTags,
}: {
  ui: UiFilters;
  setUi: (update: (u: UiFilters) => UiFilters) => void;
  q: string;
  setQ: (q: string) => void;
  knownTags: string[];
}) {
  const [showFilters, setShowFilters] = useState(false);
  const set = <K extends keyof UiFilters>(k: K, v: UiFilters[K]) => setUi((u) => ({ ...u, [k]: v }));
  return (
    <section className={`filters${showFilters ? ' expanded' : ''}`} aria-label="Filter and sort tasks">
      <label className="field search">
        <span>Search</span>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Title, description, tag" data-testid="filter-q" />
      </label>
      <label className="field">
        <span>Status</span>
        <select value={ui.status} onChange={(e) => set('status', e.target.value as UiFilters['status'])} data-testid="filter-status">
          <option value="open">Open</option>
          <option value="completed">Completed</option>
          <option value="all">All</option>
        </select>
      </label>
      <button
        type="button"
        className="btn ghost filters-toggle"
        aria-expanded={showFilters}
        onClick={() => setShowFilters((v) => !v)}
      >
        {showFilters ? 'Fewer filters' : 'More filters'}
      </button>
      <label className="field more">
        <span>Priority</span>
        <select value={ui.priority} onChange={(e) => set('priority', e.target.value as UiFilters['priority'])} data-testid="filter-priority">
          <option value="">Any</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>{cap(p)}</option>
          ))}
        </select>
      </label>
      <label className="field more">
        <span>Tag</span>
        <input list="filter-tags" value={ui.tag} onChange={(e) => set('tag', e.target.value)} placeholder="Any" data-testid="filter-tag" />
        <datalist id="filter-tags">
          {knownTags.map((t) => <option key={t} value={t} />)}
        </datalist>
      </label>
      <label className="field more">
        <span>Due from</span>
        <input type="date" value={ui.dueFrom} onChange={(e) => set('dueFrom', e.target.value)} />
      </label>
      <label className="field more">
        <span>Due to</span>
        <input type="date" value={ui.dueTo} onChange={(e) => set('dueTo', e.target.value)} />
      </label>
      <label className="field more">
        <span>Sort by</span>
        <select value={ui.sort} onChange={(e) => set('sort', e.target.value as UiFilters['sort'])} data-testid="filter-sort">
          <option value="due">Due date</option>
          <option value="priority">Priority</option>
          <option value="created">Created</option>
          <option value="updated">Updated</option>
          <option value="title">Title</option>
        </select>
      </label>
      <button
        type="button"
        className="btn ghost order more"
        onClick={() => set('order', ui.order === 'asc' ? 'desc' : 'asc')}
        aria-label={`Sort order: ${ui.order === 'asc' ? 'ascending' : 'descending'}. Activate to reverse.`}
      >
        {ui.order === 'asc' ? '↑ Asc' : '↓ Desc'}
      </button>
      <label className="check more">
        <input type="checkbox" checked={ui.overdue} onChange={(e) => set('overdue', e.target.checked)} data-testid="filter-overdue" />
        Overdue only
      </label>
      {filtersActive(ui) && (
        <button type="button" className="btn link" onClick={() => { setUi(() => DEFAULT_FILTERS); setQ(''); }}>
          Reset
        </button>
      )}
    </section>
  );
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
