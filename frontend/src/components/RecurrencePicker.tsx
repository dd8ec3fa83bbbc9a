import { useEffect, useId, useState } from 'react';
import { errorMessage, type Api } from '../lib/api';
import {
  describe,
  MONTH_NAMES,
  NTH_NAMES,
  toRRule,
  WEEKDAY_NAMES,
  WEEKDAYS,
  type Freq,
  type Nth,
  type RecurrenceModel,
  type Weekday,
} from '../lib/recurrence';
import { formatDateTime } from '../lib/time';

export function RecurrencePicker({
  api,
  model: m,
  onChange,
  start,
  timeZone,
}: {
  api: Api;
  model: RecurrenceModel;
  onChange: (m: RecurrenceModel) => void;
  /** ISO instant the rule starts from (the due date, or now). */
  start: string;
  timeZone: string;
}) {
  const id = useId();
  const set = <K extends keyof RecurrenceModel>(k: K, v: RecurrenceModel[K]) => onChange({ ...m, [k]: v });
  const rrule = m.enabled ? toRRule(m, timeZone) : null;
  const [preview, setPreview] = useState<{ dates: string[]; error: string | null; loading: boolean }>({ dates: [], error: null, loading: false });

  useEffect(() => {
    if (!rrule) {
      setPreview({ dates: [], error: null, loading: false });
      return;
    }
    let cancelled = false;
    setPreview((p) => ({ ...p, loading: true }));
    const h = setTimeout(() => {
      api.previewRecurrence(rrule, start, timeZone, 5).then(
        (dates) => !cancelled && setPreview({ dates, error: null, loading: false }),
        (e) => !cancelled && setPreview({ dates: [], error: errorMessage(e), loading: false }),
      );
    }, 350);
    return () => {
      cancelled = true;
      clearTimeout(h);
    };
  }, [api, rrule, start, timeZone]);

  const unit = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' }[m.freq];

  return (
    <fieldset className="recurrence" data-testid="recurrence">
      <legend>Repeat</legend>
      <label className="check">
        <input type="checkbox" checked={m.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="recurrence-enabled" />
        Repeat this task
      </label>
      {m.enabled && (
        <div className="recurrence-body">
          <div className="row">
            <label className="field">
              <span>Frequency</span>
              <select value={m.freq} onChange={(e) => set('freq', e.target.value as Freq)} data-testid="recurrence-freq">
                <option value="daily">Daily</option>
                <option value="weekly">Weekly</option>
                <option value="monthly">Monthly</option>
                <option value="yearly">Yearly</option>
              </select>
            </label>
            <label className="field narrow">
              <span>Every</span>
              <div className="inline">
                <input
                  type="number"
                  min={1}
                  max={999}
                  value={Number.isNaN(m.interval) ? '' : m.interval}
                  onChange={(e) => set('interval', e.target.valueAsNumber)}
                  data-testid="recurrence-interval"
                />
                <span className="muted">{unit}{m.interval === 1 ? '' : 's'}</span>
              </div>
            </label>
          </div>

          {m.freq === 'weekly' && (
            <div className="weekdays" role="group" aria-label="On days">
              {WEEKDAYS.map((d) => {
                const on = m.weekdays.includes(d);
                return (
                  <button
                    key={d}
                    type="button"
                    className={`day${on ? ' on' : ''}`}
                    aria-pressed={on}
                    aria-label={WEEKDAY_NAMES[d]}
                    onClick={() => set('weekdays', on ? m.weekdays.filter((x) => x !== d) : [...m.weekdays, d])}
                    data-testid={`weekday-${d}`}
                  >
                    {WEEKDAY_NAMES[d].slice(0, 2)}
                  </button>
                );
              })}
            </div>
          )}

          {m.freq === 'monthly' && (
            <div className="stack" role="radiogroup" aria-label="Monthly on">
              <label className="check">
                <input type="radio" name={`${id}-mm`} checked={m.monthlyMode === 'dayOfMonth'} onChange={() => set('monthlyMode', 'dayOfMonth')} />
                On day
                <select
                  value={m.monthDay}
                  onChange={(e) => onChange({ ...m, monthlyMode: 'dayOfMonth', monthDay: Number(e.target.value) })}
                  aria-label="Day of month"
                  data-testid="recurrence-monthday"
                >
                  {Array.from({ length: 31 }, (_, i) => i + 1).map((d) => (
                    <option key={d} value={d}>{d}</option>
                  ))}
                  <option value={-1}>last day</option>
                </select>
              </label>
              <label className="check">
                <input type="radio" name={`${id}-mm`} checked={m.monthlyMode === 'nthWeekday'} onChange={() => set('monthlyMode', 'nthWeekday')} data-testid="recurrence-nth-mode" />
                On the
                <select value={m.nth} onChange={(e) => onChange({ ...m, monthlyMode: 'nthWeekday', nth: Number(e.target.value) as Nth })} aria-label="Which week" data-testid="recurrence-nth">
                  {[1, 2, 3, 4, -1].map((n) => (
                    <option key={n} value={n}>{NTH_NAMES[String(n)]}</option>
                  ))}
                </select>
                <select value={m.nthWeekday} onChange={(e) => onChange({ ...m, monthlyMode: 'nthWeekday', nthWeekday: e.target.value as Weekday })} aria-label="Weekday" data-testid="recurrence-nth-weekday">
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>{WEEKDAY_NAMES[d]}</option>
                  ))}
                </select>
              </label>
              {m.monthlyMode === 'dayOfMonth' && m.monthDay > 28 && (
                <p className="hint">Months without day {m.monthDay} are skipped. Choose “last day” to repeat on every month’s last day.</p>
              )}
            </div>
          )}

          {m.freq === 'yearly' && (
            <div className="row">
              <label className="field">
                <span>On</span>
                <select value={m.yearMonth} onChange={(e) => set('yearMonth', Number(e.target.value))} aria-label="Month">
                  <option value={0}>Same date as due</option>
                  {MONTH_NAMES.map((n, i) => (
                    <option key={n} value={i + 1}>{n}</option>
                  ))}
                </select>
              </label>
              {m.yearMonth !== 0 && (
                <label className="field narrow">
                  <span>Day</span>
                  <input type="number" min={1} max={31} value={m.yearDay} onChange={(e) => set('yearDay', e.target.valueAsNumber)} />
                </label>
              )}
            </div>
          )}

          <div className="stack" role="radiogroup" aria-label="Ends">
            <span className="label">Ends</span>
            <label className="check">
              <input type="radio" name={`${id}-end`} checked={m.end === 'never'} onChange={() => set('end', 'never')} /> Never
            </label>
            <label className="check">
              <input type="radio" name={`${id}-end`} checked={m.end === 'count'} onChange={() => set('end', 'count')} data-testid="recurrence-end-count" /> After
              <input
                type="number"
                min={1}
                className="tiny"
                value={Number.isNaN(m.count) ? '' : m.count}
                onChange={(e) => onChange({ ...m, end: 'count', count: e.target.valueAsNumber })}
                aria-label="Number of occurrences"
                data-testid="recurrence-count"
              />
              times
            </label>
            <label className="check">
              <input type="radio" name={`${id}-end`} checked={m.end === 'until'} onChange={() => set('end', 'until')} /> On
              <input type="date" value={m.until} onChange={(e) => onChange({ ...m, end: 'until', until: e.target.value })} aria-label="Last date" data-testid="recurrence-until" />
            </label>
          </div>

          <div className="stack" role="radiogroup" aria-label="Next occurrence counted from">
            <span className="label">Next occurrence counted from</span>
            <label className="check">
              <input type="radio" name={`${id}-anchor`} checked={m.anchor === 'due'} onChange={() => set('anchor', 'due')} /> The due date (fixed schedule)
            </label>
            <label className="check">
              <input type="radio" name={`${id}-anchor`} checked={m.anchor === 'completion'} onChange={() => set('anchor', 'completion')} data-testid="recurrence-anchor-completion" /> When I complete it
            </label>
          </div>

          <div className="preview" aria-live="polite" data-testid="recurrence-preview">
            <p className="summary">
              <strong>{describe(m)}</strong>
              {rrule && <code className="rrule" data-testid="recurrence-rrule">{rrule}</code>}
            </p>
            {preview.error && <p className="error" role="alert" data-testid="recurrence-error">{preview.error}</p>}
            {!preview.error && preview.dates.length > 0 && (
              <>
                <span className="label">Next dates{m.anchor === 'completion' ? ' (if completed on time)' : ''}</span>
                <ol className="dates">
                  {preview.dates.map((d) => (
                    <li key={d}>{formatDateTime(d, timeZone)}</li>
                  ))}
                </ol>
              </>
            )}
            {preview.loading && <p className="muted">Calculating…</p>}
          </div>
        </div>
      )}
    </fieldset>
  );
}
