import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, diffTask, errorMessage, filtersToQuery, parseEtag, problemMessage } from './api';

type Call = { url: string; init: RequestInit };

function fakeFetch(responder: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return responder(call);
  });
  return { fn: fn as unknown as typeof fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
const hdr = (c: Call, name: string) => new Headers(c.init.headers).get(name);

const task = { id: 't1', title: 'A', version: 3, status: 'open', tags: [], priority: 'none' };

describe('api client', () => {
  it('sends the bearer token and parses JSON', async () => {
    const f = fakeFetch(() => json(200, { items: [task], nextCursor: 'c2' }));
    const api = createApi({ fetch: f.fn, getToken: () => 'tok' });
    const page = await api.listTasks({ status: 'open', sort: 'due', order: 'desc', q: ' milk ' }, 'c1', 10);
    expect(page).toEqual({ items: [task], nextCursor: 'c2' });
    expect(hdr(f.calls[0], 'authorization')).toBe('Bearer tok');
    const u = new URL(f.calls[0].url, 'http://x');
    expect(u.pathname).toBe('/api/tasks');
    expect(Object.fromEntries(u.searchParams)).toEqual({ status: 'open', sort: 'due', order: 'desc', q: 'milk', limit: '10', cursor: 'c1' });
  });

  it('does not send the token to auth endpoints', async () => {
    const f = fakeFetch(() => json(200, { token: 'new', expiresAt: '2030-01-01T00:00:00Z' }));
    const api = createApi({ fetch: f.fn, getToken: () => 'old' });
    const r = await api.login('a@b.c', 'pw');
    expect(r.token).toBe('new');
    expect(hdr(f.calls[0], 'authorization')).toBeNull();
    expect(JSON.parse(String(f.calls[0].init.body))).toEqual({ email: 'a@b.c', password: 'pw' });
    expect(hdr(f.calls[0], 'content-type')).toBe('application/json');
  });

  it('turns problem+json into an ApiError with the detail as message', async () => {
    const f = fakeFetch(() => problem(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'title must not be blank' }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    const err = await api.createTask({ title: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.message).toBe('title must not be blank');
    expect(err.problem.title).toBe('Bad Request');
  });

  it('falls back to the title when there is no detail', async () => {
    const f = fakeFetch(() => problem(404, { title: 'Task not found', status: 404 }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    await expect(api.getTask('x')).rejects.toThrow('Task not found');
  });

  it('never shows raw JSON or HTML', async () => {
    const f = fakeFetch(() => new Response('<html><body>Whitelabel Error</body></html>', { status: 500, headers: { 'content-type': 'text/html' } }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    const err = await api.getTask('x').catch((e) => e);
    expect(err.message).not.toMatch(/</);
    expect(err.message).toMatch(/500|error/i);
  });

  it('reads Spring default error bodies', async () => {
    const f = fakeFetch(() => json(409, { timestamp: 'x', status: 409, error: 'Conflict', message: 'already exists' }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    await expect(api.register('a@b.c', 'pw')).rejects.toThrow('already exists');
  });

  it('handles malformed JSON error bodies', async () => {
    const f = fakeFetch(() => new Response('{oops', { status: 502, statusText: '', headers: { 'content-type': 'application/problem+json' } }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    await expect(api.getTask('x')).rejects.toThrow('Bad gateway');
  });

  it('network failure becomes a readable ApiError with status 0', async () => {
    const api = createApi({ fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch, getToken: () => 't' });
    const err = await api.getTask('x').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.message).toMatch(/reach the server/);
  });

  it('sends If-Match with the quoted version on PATCH and only the given fields', async () => {
    const f = fakeFetch(() => json(200, { ...task, title: 'B', version: 4 }, { etag: '"4"' }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    const t = await api.patchTask('t1', 3, { title: 'B', dueAt: null });
    expect(f.calls[0].init.method).toBe('PATCH');
    expect(hdr(f.calls[0], 'if-match')).toBe('"3"');
    expect(JSON.parse(String(f.calls[0].init.body))).toEqual({ title: 'B', dueAt: null });
    expect(t.version).toBe(4);
  });

  it('takes the version from the ETag when the body lacks it', async () => {
    const f = fakeFetch(() => json(201, { id: 't9', title: 'x' }, { etag: 'W/"7"', location: '/api/tasks/t9' }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    const t = await api.createTask({ title: 'x' });
    expect(t.version).toBe(7);
  });

  it('412 is an ApiError with status 412', async () => {
    const f = fakeFetch(() => problem(412, { title: 'Precondition Failed', status: 412, detail: 'version mismatch' }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    const err = await api.patchTask('t1', 1, { title: 'x' }).catch((e) => e);
    expect(err.status).toBe(412);
  });

  it('401 calls onUnauthorized (not for auth endpoints)', async () => {
    const onUnauthorized = vi.fn();
    const f = fakeFetch(() => problem(401, { title: 'Unauthorized', status: 401, detail: 'Bad credentials' }));
    const api = createApi({ fetch: f.fn, getToken: () => 't', onUnauthorized });
    await expect(api.unreadCount()).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(api.login('a@b.c', 'bad')).rejects.toThrow('Bad credentials');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('204 resolves without a body', async () => {
    const f = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    await expect(api.deleteTask('t1')).resolves.toBeUndefined();
    expect(f.calls[0].init.method).toBe('DELETE');
  });

  it('recurrence preview posts the contract body', async () => {
    const f = fakeFetch(() => json(200, { dates: ['2025-01-01T09:00:00Z'] }));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    const d = await api.previewRecurrence('FREQ=DAILY', '2025-01-01T09:00:00Z', 'Europe/Berlin');
    expect(d).toEqual(['2025-01-01T09:00:00Z']);
    expect(f.calls[0].url).toBe('/api/recurrence/preview');
    expect(JSON.parse(String(f.calls[0].init.body))).toEqual({ rrule: 'FREQ=DAILY', start: '2025-01-01T09:00:00Z', timeZone: 'Europe/Berlin', count: 5 });
  });

  it('recurrence preview: an invalid rule rejects with the server\'s message', async () => {
    const f = fakeFetch(() =>
      problem(400, { type: 'about:blank', title: 'Invalid recurrence', status: 400, detail: 'INTERVAL must be 1..999, not 0' }),
    );
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    const e = await api.previewRecurrence('FREQ=DAILY;INTERVAL=0', '2025-01-01T09:00:00Z', 'UTC').catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(errorMessage(e)).toContain('INTERVAL must be 1..999, not 0');
  });

  it('notification endpoints', async () => {
    const f = fakeFetch((c) => (c.url.includes('unread-count') ? json(200, { count: 4 }) : new Response(null, { status: 204 })));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    expect(await api.unreadCount()).toBe(4);
    await api.snooze('n1', 15);
    await api.markRead('n1');
    await api.markAllRead();
    expect(f.calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/notifications/unread-count',
      'POST /api/notifications/n1/snooze',
      'PATCH /api/notifications/n1/read',
      'POST /api/notifications/read-all',
    ]);
    expect(JSON.parse(String(f.calls[1].init.body))).toEqual({ minutes: 15 });
  });

  it('asOf is passed as a query parameter', async () => {
    const f = fakeFetch(() => json(200, task));
    const api = createApi({ fetch: f.fn, getToken: () => 't' });
    await api.getTask('t1', '2025-01-01T00:00:00Z');
    expect(f.calls[0].url).toBe('/api/tasks/t1?asOf=2025-01-01T00%3A00%3A00Z');
  });
});

describe('helpers', () => {
  it('parseEtag', () => {
    expect(parseEtag('"3"')).toBe(3);
    expect(parseEtag('W/"12"')).toBe(12);
    expect(parseEtag('5')).toBe(5);
    expect(parseEtag(null)).toBeNull();
    expect(parseEtag('"abc"')).toBeNull();
  });
  it('problemMessage', () => {
    expect(problemMessage({ title: 'T', detail: ' D ' })).toBe('D');
    expect(problemMessage({ title: 'T' })).toBe('T');
    expect(problemMessage({}, 503)).toMatch(/503/);
    expect(problemMessage(null, 0)).toMatch(/reach the server/);
  });
  it('errorMessage', () => {
    expect(errorMessage(new ApiError(400, { detail: 'x' }))).toBe('x');
    expect(errorMessage('weird')).toBe('Something went wrong.');
  });
  it('filtersToQuery drops empty values', () => {
    expect(filtersToQuery({ status: 'all', priority: '', tag: '', q: '', overdue: false, sort: 'due', order: 'asc' }, null, 5)).toEqual({
      status: 'all', priority: undefined, tag: undefined, dueAfter: undefined, dueBefore: undefined, overdue: undefined, q: undefined,
      sort: 'due', order: 'asc', limit: 5, cursor: undefined,
    });
    expect(filtersToQuery({ overdue: true })!.overdue).toBe('true');
  });
  it('diffTask sends only changed fields, null for cleared', () => {
    expect(
      diffTask(
        { title: 'a', description: 'd', tags: ['x'], dueAt: '2025-01-01T00:00:00Z', priority: 'low', recurrence: null },
        { title: 'b', description: 'd', tags: ['x'], dueAt: null, priority: 'low', recurrence: { rrule: 'FREQ=DAILY', anchor: 'due' } },
      ),
    ).toEqual({ title: 'b', dueAt: null, recurrence: { rrule: 'FREQ=DAILY', anchor: 'due' } });
  });
});
