// DEV AID ONLY: in-memory imitation of the Tasklog API for trying the dashboard. Not used by tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.PORT || 8099);
const STATIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/classes/static');
const users = new Map(); // email -> {id,password}
const tokens = new Map(); // token -> userId
const tasks = new Map(); // id -> task (with owner)
const events = new Map(); // taskId -> [{eventId,type,at,actor,changes,snapshot}]
const notifications = []; // {id,owner,...}
const streams = new Map(); // userId -> Set(res)
let eventSeq = 0;
const timers = new Map();

const now = () => new Date().toISOString();
const uuid = () => crypto.randomUUID();
const problem = (res, status, title, detail) => send(res, status, { type: 'about:blank', title, status, detail }, { 'content-type': 'application/problem+json' });
function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const readBody = (req) => new Promise((r) => { let d = ''; req.on('data', (c) => (d += c)); req.on('end', () => { try { r(d ? JSON.parse(d) : {}); } catch { r(null); } }); });
const pub = (t) => { const { owner, ...rest } = t; return rest; };

function emit(userId, event, data) {
  const id = ++eventSeq;
  for (const res of streams.get(userId) ?? []) res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
function record(t, type, actor, changes) {
  const list = events.get(t.id) ?? [];
  list.push({ eventId: uuid(), type, at: now(), actor, changes, snapshot: JSON.parse(JSON.stringify(pub(t))) });
  events.set(t.id, list);
  emit(t.owner, 'task.changed', { taskId: t.id, version: t.version, deleted: type === 'TaskDeleted', task: type === 'TaskDeleted' ? null : pub(t) });
  schedule(t);
}
function notify(t, type) {
  const n = { id: uuid(), owner: t.owner, taskId: t.id, type, title: t.title, body: type === 'overdue' ? 'This task is overdue' : 'Due soon', createdAt: now(), readAt: null };
  notifications.push(n);
  const { owner, ...pn } = n;
  emit(t.owner, 'notification.created', { notification: pn, unreadCount: notifications.filter((x) => x.owner === t.owner && !x.readAt).length });
}
function schedule(t) {
  clearTimeout(timers.get(t.id));
  if (t.status !== 'open' || !t.dueAt || !tasks.has(t.id)) return;
  const at = new Date(t.dueAt).getTime() - (t.remindBeforeMinutes ?? 0) * 60000;
  const d = at - Date.now();
  if (d < 0 || d > 2 ** 31 - 1) return;
  timers.set(t.id, setTimeout(() => tasks.has(t.id) && t.status === 'open' && notify(t, 'upcoming'), d));
}
const FIELDS = ['title', 'description', 'priority', 'tags', 'dueAt', 'timeZone', 'remindBeforeMinutes', 'recurrence'];
function create(owner, b, extra = {}) {
  const t = { id: uuid(), owner, title: b.title, description: b.description ?? null, priority: b.priority ?? 'none', tags: b.tags ?? [], dueAt: b.dueAt ?? null,
    timeZone: b.timeZone ?? 'UTC', remindBeforeMinutes: b.remindBeforeMinutes ?? 60, recurrence: b.recurrence ?? null, status: 'open', completedAt: null,
    createdAt: now(), updatedAt: now(), version: 1, seriesId: null, previousOccurrenceId: null, ...extra };
  tasks.set(t.id, t);
  record(t, 'TaskCreated', owner, Object.fromEntries(FIELDS.map((f) => [f, { from: null, to: t[f] }])));
  return t;
}
function previewDates(rrule, start, count) {
  const m = /FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)/.exec(rrule);
  if (!m) return null;
  const iv = Number(/INTERVAL=(\d+)/.exec(rrule)?.[1] ?? 1);
  const out = []; const d = new Date(start);
  for (let i = 0; i < count; i++) {
    out.push(d.toISOString());
    if (m[1] === 'DAILY') d.setUTCDate(d.getUTCDate() + iv);
    else if (m[1] === 'WEEKLY') d.setUTCDate(d.getUTCDate() + 7 * iv);
    else if (m[1] === 'MONTHLY') d.setUTCMonth(d.getUTCMonth() + iv);
    else d.setUTCFullYear(d.getUTCFullYear() + iv);
  }
  return out;
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  if (!p.startsWith('/api/')) {
    const file = path.join(STATIC, p === '/' ? 'index.html' : p);
    if (file.startsWith(STATIC) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }); return fs.createReadStream(file).pipe(res);
    }
    return problem(res, 404, 'Not Found', 'No such file');
  }
  if (p === '/api/auth/register' || p === '/api/auth/login') {
    const b = await readBody(req);
    if (!b?.email || !b?.password) return problem(res, 400, 'Bad Request', 'email and password are required');
    if (p.endsWith('register')) {
      if (users.has(b.email)) return problem(res, 409, 'Conflict', 'An account with this email already exists');
      users.set(b.email, { id: uuid(), password: b.password });
    }
    const u = users.get(b.email);
    if (!u || u.password !== b.password) return problem(res, 401, 'Unauthorized', 'Wrong email or password');
    const token = uuid(); tokens.set(token, u.id);
    return send(res, p.endsWith('register') ? 201 : 200, { token, expiresAt: new Date(Date.now() + 864e5).toISOString() });
  }
  const user = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  if (!user) return problem(res, 401, 'Unauthorized', 'Log in first');

  if (p === '/api/stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': hello\n\n');
    const set = streams.get(user) ?? new Set(); set.add(res); streams.set(user, set);
    const hb = setInterval(() => res.write(': heartbeat\n\n'), 10000);
    req.on('close', () => { clearInterval(hb); set.delete(res); });
    return;
  }
  if (p === '/api/recurrence/preview' && req.method === 'POST') {
    const b = await readBody(req);
    const dates = previewDates(b?.rrule ?? '', b?.start ?? now(), b?.count ?? 5);
    return dates ? send(res, 200, { dates }) : problem(res, 400, 'Invalid recurrence rule', `Cannot parse "${b?.rrule}"`);
  }
  if (p === '/api/tasks' && req.method === 'POST') {
    const b = await readBody(req);
    if (!b?.title?.trim()) return problem(res, 400, 'Bad Request', 'title must not be blank');
    const t = create(user, b);
    return send(res, 201, pub(t), { location: `/api/tasks/${t.id}`, etag: `"${t.version}"` });
  }
  if (p === '/api/tasks' && req.method === 'GET') {
    const q = url.searchParams; const st = q.get('status') ?? 'open';
    let list = [...tasks.values()].filter((t) => t.owner === user && (st === 'all' || t.status === st));
    if (q.get('priority')) list = list.filter((t) => t.priority === q.get('priority'));
    if (q.get('tag')) list = list.filter((t) => t.tags.includes(q.get('tag')));
    if (q.get('q')) list = list.filter((t) => t.title.toLowerCase().includes(q.get('q').toLowerCase()));
    if (q.get('overdue') === 'true') list = list.filter((t) => t.status === 'open' && t.dueAt && t.dueAt < now());
    const key = { due: 'dueAt', created: 'createdAt', updated: 'updatedAt', title: 'title', priority: 'priority' }[q.get('sort') ?? 'due'];
    list.sort((a, b) => String(a[key] ?? '~').localeCompare(String(b[key] ?? '~')) * (q.get('order') === 'desc' ? -1 : 1));
    const start = Number(q.get('cursor') ?? 0); const limit = Number(q.get('limit') ?? 25);
    return send(res, 200, { items: list.slice(start, start + limit).map(pub), nextCursor: start + limit < list.length ? String(start + limit) : null });
  }
  let m = /^\/api\/tasks\/([^/]+)(?:\/(complete|reopen|history))?$/.exec(p);
  if (m) {
    const t = tasks.get(m[1]);
    if (!t || t.owner !== user) return problem(res, 404, 'Not Found', 'No such task');
    if (m[2] === 'history') return send(res, 200, { items: [...(events.get(t.id) ?? [])].reverse().map(({ snapshot, ...e }) => e), nextCursor: null });
    if (m[2] === 'complete' || m[2] === 'reopen') {
      const to = m[2] === 'complete' ? 'completed' : 'open';
      if (t.status === to) return send(res, 200, pub(t), { etag: `"${t.version}"` });
      t.status = to; t.completedAt = to === 'completed' ? now() : null; t.version++; t.updatedAt = now();
      record(t, to === 'completed' ? 'TaskCompleted' : 'TaskReopened', user, { status: { from: to === 'completed' ? 'open' : 'completed', to } });
      if (to === 'completed' && t.recurrence) {
        const next = previewDates(t.recurrence.rrule, t.dueAt ?? now(), 2)[1];
        create(user, { ...t, dueAt: next }, { seriesId: t.seriesId ?? t.id, previousOccurrenceId: t.id });
      }
      return send(res, 200, pub(t), { etag: `"${t.version}"` });
    }
    if (req.method === 'GET') {
      const asOf = url.searchParams.get('asOf');
      if (asOf) {
        const snap = [...(events.get(t.id) ?? [])].filter((e) => e.at <= asOf).pop();
        return snap ? send(res, 200, snap.snapshot) : problem(res, 404, 'Not Found', 'The task did not exist then');
      }
      return send(res, 200, pub(t), { etag: `"${t.version}"` });
    }
    if (req.method === 'PATCH') {
      if (req.headers['if-match'] && req.headers['if-match'] !== `"${t.version}"`) return problem(res, 412, 'Precondition Failed', `The task is at version ${t.version}`);
      const b = await readBody(req); const changes = {};
      for (const f of FIELDS) if (f in b && JSON.stringify(b[f]) !== JSON.stringify(t[f])) { changes[f] = { from: t[f], to: b[f] }; t[f] = b[f]; }
      if (Object.keys(changes).length) { t.version++; t.updatedAt = now(); record(t, 'TaskUpdated', user, changes); }
      return send(res, 200, pub(t), { etag: `"${t.version}"` });
    }
    if (req.method === 'DELETE') {
      tasks.delete(t.id); t.version++; record(t, 'TaskDeleted', user, null);
      res.writeHead(204); return res.end();
    }
  }
  if (p === '/api/notifications/unread-count') return send(res, 200, { count: notifications.filter((n) => n.owner === user && !n.readAt).length });
  if (p === '/api/notifications') {
    const list = notifications.filter((n) => n.owner === user && (url.searchParams.get('unreadOnly') !== 'true' || !n.readAt)).reverse();
    return send(res, 200, { items: list.map(({ owner, ...n }) => n), nextCursor: null });
  }
  if (p === '/api/notifications/read-all') { notifications.filter((n) => n.owner === user).forEach((n) => (n.readAt ??= now())); res.writeHead(204); return res.end(); }
  m = /^\/api\/notifications\/([^/]+)\/(read|snooze)$/.exec(p);
  if (m) { const n = notifications.find((x) => x.id === m[1] && x.owner === user); if (n) n.readAt ??= now(); res.writeHead(204); return res.end(); }
  return problem(res, 404, 'Not Found', `No route for ${req.method} ${p}`);
});
server.listen(PORT, '127.0.0.1', () => console.log(`mock tasklog on http://127.0.0.1:${PORT}`));
