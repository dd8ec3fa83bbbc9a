import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, diffTask, errorMessage, type Api } from '../lib/api';
import { toRecurrence } from '../lib/recurrence';
import { formatDateTime, isoToLocalInputs, localInputsToIso, userTimeZone } from '../lib/time';
import { PRIORITIES, type Priority, type Task, type TaskInput } from '../lib/types';
import { Modal } from './Modal';
import { REMIND_OPTIONS, sameInstant, taskToInput, toForm, type FormState } from './taskForm';
import { RecurrencePicker } from './RecurrencePicker';

export function TaskDialog({
  api,
  task,
  knownTags,
  onClose,
  onSaved,
  onHistory,
}: {
  api: Api;
  task: Task | null;
  knownTags: string[];
  onClose: () => void;
  onSaved: (t: Task, created: boolean) => void;
  onHistory: (t: Task) => void;
}) {
  const tz = useMemo(() => userTimeZone(), []);
  const [base, setBase] = useState<Task | null>(task);
  const [f, setF] = useState<FormState>(() => toForm(task, tz));
  const [tagInput, setTagInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Task | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));

  const dueIso = f.dueDate ? localInputsToIso(f.dueDate, f.dueTime || '09:00', tz) : null;
  // Keep the stored instant if the inputs still show it (avoids rounding away seconds).
  const initialInputs = useMemo(() => isoToLocalInputs(base?.dueAt, tz), [base, tz]);
  const dueAt = base && f.dueDate === initialInputs.date && f.dueTime === initialInputs.time ? base.dueAt : dueIso;
  const previewStart = dueAt ?? new Date().toISOString();

  function addTag(raw: string) {
    const parts = raw.split(',').map((s) => s.trim().replace(/^#/, '')).filter(Boolean);
    if (!parts.length) return;
    setF((s) => ({ ...s, tags: [...s.tags, ...parts.filter((p) => !s.tags.some((t) => t.toLowerCase() === p.toLowerCase()))] }));
    setTagInput('');
  }
  function onTagKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      addTag(tagInput);
    } else if (e.key === 'Backspace' && !tagInput && f.tags.length) {
      set('tags', f.tags.slice(0, -1));
    }
  }

  function buildInput(): TaskInput {
    const recurrence = f.customRule ?? toRecurrence(f.model, tz);
    const pendingTag = tagInput.trim().replace(/^#/, '');
    const tags = pendingTag && !f.tags.includes(pendingTag) ? [...f.tags, pendingTag] : f.tags;
    return {
      title: f.title.trim(),
      description: f.description.trim() ? f.description : null,
      priority: f.priority,
      tags,
      dueAt: dueAt ?? null,
      timeZone: dueAt ? (base && sameInstant(dueAt, base.dueAt) && base.timeZone ? base.timeZone : tz) : base?.timeZone ?? tz,
      remindBeforeMinutes: f.remind,
      recurrence,
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!f.title.trim()) {
      setError('Give the task a title.');
      return;
    }
    if (f.dueDate && !dueIso) {
      setError('The due date is not valid.');
      return;
    }
    const input = buildInput();
    setBusy(true);
    try {
      if (!base) {
        let created = await api.createTask(input);
        if (created && !created.title) created = await api.getTask(created.id);
        onSaved(created, true);
      } else {
        const changes = diffTask(taskToInput(base), input);
        if (Object.keys(changes).length === 0) {
          onClose();
          return;
        }
        let saved = await api.patchTask(base.id, base.version, changes);
        if (!saved || !saved.title) saved = await api.getTask(base.id);
        onSaved(saved, false);
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 412 && base) {
        try {
          const current = await api.getTask(base.id);
          setConflict(current);
          setBase(current);
          setError(null);
        } catch (e2) {
          setError(errorMessage(e2));
        }
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const tagListId = `tag-suggestions-${base?.id ?? 'new'}`;
  const remindOptions = REMIND_OPTIONS.some(([v]) => v === f.remind) ? REMIND_OPTIONS : [...REMIND_OPTIONS, [f.remind, `${f.remind} minutes before`] as [number, string]];

  return (
    <Modal
      title={base ? 'Edit task' : 'New task'}
      onClose={onClose}
      wide
      testId="task-dialog"
      footer={
        <>
          {base && (
            <button type="button" className="btn ghost left" onClick={() => onHistory(base)}>
              History
            </button>
          )}
          <button type="button" className="btn ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="task-form" className="btn primary" disabled={busy} data-testid="task-save">
            {busy ? 'Saving…' : base ? 'Save' : 'Create'}
          </button>
        </>
      }
    >
      <form id="task-form" onSubmit={submit} className="task-form" noValidate>
        {conflict && (
          <div className="warning" role="alert" data-testid="conflict">
            <p>
              <strong>This task was changed elsewhere</strong> while you were editing. Your changes were not saved.
            </p>
            <p>
              Current version {conflict.version}: “{conflict.title}” · {conflict.priority} priority
              {conflict.dueAt ? ` · due ${formatDateTime(conflict.dueAt)}` : ''} · {conflict.status}.
            </p>
            <p>Save again to apply your edits on top of it, or discard them.</p>
            <button
              type="button"
              className="btn small"
              onClick={() => {
                setF(toForm(conflict, tz));
                setConflict(null);
              }}
            >
              Discard my edits and show the current version
            </button>
          </div>
        )}
        <label className="field">
          <span>Title</span>
          <input value={f.title} onChange={(e) => set('title', e.target.value)} required autoFocus maxLength={500} data-testid="task-title-input" />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea value={f.description} onChange={(e) => set('description', e.target.value)} rows={3} data-testid="task-description-input" />
        </label>
        <div className="row">
          <label className="field">
            <span>Priority</span>
            <select value={f.priority} onChange={(e) => set('priority', e.target.value as Priority)} data-testid="task-priority-input">
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>{p.charAt(0).toUpperCase() + p.slice(1)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Reminder</span>
            <select value={f.remind} onChange={(e) => set('remind', Number(e.target.value))} data-testid="task-remind-input">
              {remindOptions.map(([v, l]) => (
                <option key={v} value={v}>{l}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <label className="field">
            <span>Due date</span>
            <input type="date" value={f.dueDate} onChange={(e) => setF((s) => ({ ...s, dueDate: e.target.value, dueTime: s.dueTime || (e.target.value ? '09:00' : '') }))} data-testid="task-due-date" />
          </label>
          <label className="field">
            <span>Time</span>
            <input type="time" step={1} value={f.dueTime} onChange={(e) => set('dueTime', e.target.value)} disabled={!f.dueDate} data-testid="task-due-time" />
          </label>
          {f.dueDate && (
            <button type="button" className="btn link self-end" onClick={() => setF((s) => ({ ...s, dueDate: '', dueTime: '' }))}>
              Clear due date
            </button>
          )}
        </div>
        <p className="hint">Times are in your time zone ({tz}).</p>
        <div className="field">
          <label htmlFor="tag-input">Tags</label>
          <div className="tag-editor">
            {f.tags.map((t) => (
              <span key={t} className="tag chip">
                #{t}
                <button type="button" aria-label={`Remove tag ${t}`} onClick={() => set('tags', f.tags.filter((x) => x !== t))}>
                  ×
                </button>
              </span>
            ))}
            <input
              id="tag-input"
              list={tagListId}
              value={tagInput}
              onChange={(e) => {
                const v = e.target.value;
                // Picking a suggestion from the datalist (not typing) adds it directly.
                const picked = (e.nativeEvent as InputEvent).inputType === 'insertReplacementText' || !(e.nativeEvent instanceof InputEvent);
                if (picked && knownTags.includes(v)) addTag(v);
                else setTagInput(v);
              }}
              onKeyDown={onTagKey}
              onBlur={() => addTag(tagInput)}
              placeholder="Add a tag and press Enter"
              data-testid="task-tags-input"
            />
            <datalist id={tagListId}>
              {knownTags.filter((t) => !f.tags.includes(t)).map((t) => <option key={t} value={t} />)}
            </datalist>
          </div>
        </div>
        {f.customRule ? (
          <fieldset className="recurrence">
            <legend>Repeat</legend>
            <p>
              Custom rule <code>{f.customRule.rrule}</code> ({f.customRule.anchor === 'completion' ? 'from completion' : 'from due date'}).
            </p>
            <button type="button" className="btn small" onClick={() => setF((s) => ({ ...s, customRule: null, model: { ...s.model, enabled: false } }))}>
              Replace with a simple rule
            </button>
          </fieldset>
        ) : (
          <RecurrencePicker api={api} model={f.model} onChange={(m) => set('model', m)} start={previewStart} timeZone={tz} />
        )}
        {error && <p className="error" role="alert" data-testid="task-error">{error}</p>}
      </form>
    </Modal>
  );
}
