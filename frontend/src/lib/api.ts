import type {
  AuthResponse,
  HistoryItem,
  Notification,
  Page,
  Problem,
  Task,
  TaskFilters,
  TaskInput,
} from './types';

/** An HTTP error carrying the server's RFC 7807 problem (or one synthesised from the response). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problemMessage(problem, status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** Readable text for a problem: detail, else title, else a generic line. Never raw JSON. */
export function problemMessage(problem: Problem | null | undefined, status?: number): string {
  const detail = typeof problem?.detail === 'string' ? problem.detail.trim() : '';
  if (detail) return detail;
  const title = typeof problem?.title === 'string' ? problem.title.trim() : '';
  if (title) return title;
  const s = status ?? problem?.status;
  if (s === 0 || s === undefined) return 'Could not reach the server. Check your connection and try again.';
  return `The server answered with an error (HTTP ${s}).`;
}

/** Human message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.name === 'AbortError') return 'The request was cancelled.';
  if (err instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong.';
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

/** Reads a failed response into a Problem; tolerant of non-JSON and malformed bodies. */
export async function parseProblem(res: Response): Promise<Problem> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    text = '';
  }
  const fallbackTitle = res.statusText || STATUS_TEXT[res.status] || `HTTP ${res.status}`;
  const ct = res.headers.get('content-type') ?? '';
  if (text && (ct.includes('json') || /^\s*\{/.test(text))) {
    try {
      const body = JSON.parse(text) as unknown;
      if (body && typeof body === 'object' && !Array.isArray(body)) {
        const p = body as Problem;
        const problem: Problem = { ...p, status: typeof p.status === 'number' ? p.status : res.status };
        if (typeof problem.title !== 'string' && typeof problem.detail !== 'string') {
          // Spring's default error body uses "error" / "message".
          const alt = body as { error?: unknown; message?: unknown };
          if (typeof alt.message === 'string' && alt.message) problem.detail = alt.message;
          problem.title = typeof alt.error === 'string' && alt.error ? alt.error : fallbackTitle;
        }
        return problem;
      }
    } catch {
      /* fall through */
    }
  }
  const problem: Problem = { title: fallbackTitle, status: res.status };
  // Plain text bodies are shown; HTML error pages are not.
  if (text && !ct.includes('html') && !ct.includes('json') && !/^\s*[<{[]/.test(text) && text.length < 500) problem.detail = text.trim();
  return problem;
}

/** ETag value (e.g. `"3"`, `W/"3"`) to a version number, or null. */
export function parseEtag(etag: string | null | undefined): number | null {
  if (!etag) return null;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim());
  return m ? Number(m[1]) : null;
}

export function ifMatch(version: number): string {
  return `"${version}"`;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  etag: string | null;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  ifMatch?: number;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  getToken: () => string | null;
  /** Called on a 401 from a non-auth endpoint (session expired or revoked). */
  onUnauthorized?: () => void;
}

export function buildQuery(query?: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function filtersToQuery(f: Partial<TaskFilters>, cursor?: string | null, limit = 25): RequestOptions['query'] {
  return {
    status: f.status || undefined,
    priority: f.priority || undefined,
    tag: f.tag?.trim() || undefined,
    dueAfter: f.dueAfter || undefined,
    dueBefore: f.dueBefore || undefined,
    overdue: f.overdue ? 'true' : undefined,
    q: f.q?.trim() || undefined,
    sort: f.sort || undefined,
    order: f.sort ? f.order || 'asc' : undefined,
    limit,
    cursor: cursor || undefined,
  };
}

export function createApi(opts: ApiClientOptions) {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = opts.baseUrl ?? '';

  async function request<T>(method: string, path: string, ro: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = opts.getToken();
    const isAuth = path.startsWith('/api/auth/');
    if (token && !isAuth) headers.Authorization = `Bearer ${token}`;
    if (ro.body !== undefined) headers['Content-Type'] = 'application/json';
    if (ro.ifMatch !== undefined) headers['If-Match'] = ifMatch(ro.ifMatch);
    let res: Response;
    try {
      res = await doFetch(base + path + buildQuery(ro.query), {
        method,
        headers,
        body: ro.body !== undefined ? JSON.stringify(ro.body) : undefined,
        signal: ro.signal,
      });
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw new ApiError(0, { title: 'Could not reach the server. Check your connection and try again.', status: 0 });
    }
    if (!res.ok) {
      const problem = await parseProblem(res);
      if (res.status === 401 && !isAuth) opts.onUnauthorized?.();
      throw new ApiError(res.status, problem);
    }
    let data: unknown = undefined;
    if (res.status !== 204) {
      const text = await res.text();
      if (text) {
        try {
          data = JSON.parse(text);
        } catch {
          data = text;
        }
      }
    }
    return { status: res.status, data: data as T, etag: res.headers.get('etag'), headers: res.headers };
  }

  /** Tasks come back with their version; the ETag wins if the body lacks it. */
  function withVersion(r: ApiResponse<Task>): Task {
    const v = parseEtag(r.etag);
    if (r.data && typeof r.data === 'object' && v !== null && typeof r.data.version !== 'number') {
      return { ...r.data, version: v };
    }
    return r.data;
  }

  return {
    request,
    register: (email: string, password: string) =>
      request<AuthResponse>('POST', '/api/auth/register', { body: { email, password } }).then((r) => r.data),
    login: (email: string, password: string) =>
      request<AuthResponse>('POST', '/api/auth/login', { body: { email, password } }).then((r) => r.data),

    listTasks: (filters: Partial<TaskFilters>, cursor?: string | null, limit = 25, signal?: AbortSignal) =>
      request<Page<Task>>('GET', '/api/tasks', { query: filtersToQuery(filters, cursor, limit), signal }).then(
        (r) => ({ items: r.data?.items ?? [], nextCursor: r.data?.nextCursor ?? null }),
      ),
    getTask: (id: string, asOf?: string) =>
      request<Task>('GET', `/api/tasks/${encodeURIComponent(id)}`, { query: { asOf } }).then(withVersion),
    createTask: (input: TaskInput) => request<Task>('POST', '/api/tasks', { body: input }).then(withVersion),
    patchTask: (id: string, version: number, changes: TaskInput) =>
      request<Task>('PATCH', `/api/tasks/${encodeURIComponent(id)}`, { body: changes, ifMatch: version }).then(
        withVersion,
      ),
    completeTask: (id: string) =>
      request<Task>('POST', `/api/tasks/${encodeURIComponent(id)}/complete`).then(withVersion),
    reopenTask: (id: string) => request<Task>('POST', `/api/tasks/${encodeURIComponent(id)}/reopen`).then(withVersion),
    deleteTask: (id: string) => request<void>('DELETE', `/api/tasks/${encodeURIComponent(id)}`).then(() => undefined),
    history: (id: string, cursor?: string | null, limit = 50) =>
      request<Page<HistoryItem>>('GET', `/api/tasks/${encodeURIComponent(id)}/history`, {
        query: { limit, cursor },
      }).then((r) => ({ items: r.data?.items ?? [], nextCursor: r.data?.nextCursor ?? null })),
    previewRecurrence: (rrule: string, start: string, timeZone: string, count = 5) =>
      request<{ dates: string[] }>('POST', '/api/recurrence/preview', {
        body: { rrule, start, timeZone, count },
      }).then((r) => r.data?.dates ?? []),

    unreadCount: () =>
      request<{ count: number }>('GET', '/api/notifications/unread-count').then((r) => r.data?.count ?? 0),
    notifications: (unreadOnly = false, cursor?: string | null, limit = 20) =>
      request<Page<Notification>>('GET', '/api/notifications', {
        query: { unreadOnly: unreadOnly ? 'true' : undefined, limit, cursor },
      }).then((r) => ({ items: r.data?.items ?? [], nextCursor: r.data?.nextCursor ?? null })),
    markRead: (id: string) =>
      request<unknown>('PATCH', `/api/notifications/${encodeURIComponent(id)}/read`).then(() => undefined),
    markAllRead: () => request<unknown>('POST', '/api/notifications/read-all').then(() => undefined),
    snooze: (id: string, minutes: number) =>
      request<unknown>('POST', `/api/notifications/${encodeURIComponent(id)}/snooze`, { body: { minutes } }).then(
        () => undefined,
      ),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The fields of `next` that differ from `base` (deep compare for arrays/objects). */
export function diffTask(base: TaskInput, next: TaskInput): TaskInput {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof TaskInput)[]) {
    const a = base[key] ?? null;
    const b = next[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = b;
  }
  return out as TaskInput;
}
