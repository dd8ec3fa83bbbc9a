/**
 * A small fetch-based Server-Sent Events client: it can send an Authorization header (EventSource
 * cannot), reconnects by itself with exponential backoff, and resumes with Last-Event-ID.
 */

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
  retry?: number;
}

/** Incremental parser for the text/event-stream format (WHATWG HTML §9.2.6). */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private id: string | undefined;
  private hasId = false;
  private retry: number | undefined;
  private sawCR = false;

  /** Feed decoded text; returns the events completed by it. */
  push(chunk: string): SseMessage[] {
    const out: SseMessage[] = [];
    let text = chunk;
    // A CRLF may be split across chunks: a leading LF right after a CR is part of that line end.
    if (this.sawCR && text.startsWith('\n')) text = text.slice(1);
    this.sawCR = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c === '\r' || c === '\n') {
        const line = this.buffer.slice(start, i);
        if (c === '\r') {
          if (i + 1 < this.buffer.length) {
            if (this.buffer[i + 1] === '\n') i++;
          } else {
            this.sawCR = true;
          }
        }
        start = i + 1;
        const ev = this.line(line);
        if (ev) out.push(ev);
      }
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  private line(line: string): SseMessage | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null; // comment, e.g. ": heartbeat"
    const colon = line.indexOf(':');
    let field = line;
    let value = '';
    if (colon >= 0) {
      field = line.slice(0, colon);
      value = line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
    }
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.id = value;
          this.hasId = true;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
    return null;
  }

  private dispatch(): SseMessage | null {
    const hadData = this.data.length > 0;
    const msg: SseMessage = { event: this.eventType || 'message', data: this.data.join('\n') };
    if (this.hasId) msg.id = this.id;
    if (this.retry !== undefined) msg.retry = this.retry;
    this.data = [];
    this.eventType = '';
    this.hasId = false;
    this.id = undefined;
    this.retry = undefined;
    return hadData ? msg : null;
  }
}

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StreamOptions {
  url: string;
  fetch?: typeof fetch;
  getToken: () => string | null;
  onMessage: (msg: SseMessage) => void;
  onStatus?: (status: StreamStatus, info?: { attempt: number; delayMs?: number; error?: unknown }) => void;
  /** A 401/403 ends the stream (no reconnect). */
  onUnauthorized?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Injected for tests. */
  schedule?: (fn: () => void, ms: number) => unknown;
  cancelSchedule?: (handle: unknown) => void;
  lastEventId?: string;
}

export interface StreamHandle {
  close(): void;
  readonly lastEventId: string | undefined;
}

/** Delay before reconnect attempt `attempt` (1-based): initial * 2^(attempt-1), capped. */
export function backoffDelay(attempt: number, initialMs = 1000, maxMs = 30000): number {
  const d = initialMs * Math.pow(2, Math.max(0, attempt - 1));
  return Math.min(maxMs, d);
}

export function connectStream(opts: StreamOptions): StreamHandle {
  const doFetch = opts.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => fetch(i, init));
  const schedule = opts.schedule ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = opts.cancelSchedule ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const initial = opts.initialDelayMs ?? 1000;
  const max = opts.maxDelayMs ?? 30000;
  let lastEventId = opts.lastEventId;
  let attempt = 0;
  let closed = false;
  let controller: AbortController | null = null;
  let timer: unknown = null;
  let serverRetry: number | undefined;

  const status = (s: StreamStatus, info?: { attempt: number; delayMs?: number; error?: unknown }) =>
    opts.onStatus?.(s, info ?? { attempt });

  function scheduleReconnect(error?: unknown) {
    if (closed) return;
    attempt++;
    const delay = serverRetry !== undefined && attempt === 1 ? Math.min(serverRetry, max) : backoffDelay(attempt, initial, max);
    status('reconnecting', { attempt, delayMs: delay, error });
    timer = schedule(() => {
      timer = null;
      void run();
    }, delay);
  }

  async function run() {
    if (closed) return;
    status('connecting');
    controller = new AbortController();
    const headers: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    const token = opts.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    let res: Response;
    try {
      res = await doFetch(opts.url, { method: 'GET', headers, signal: controller.signal, cache: 'no-store' });
    } catch (e) {
      if (!closed) scheduleReconnect(e);
      return;
    }
    if (closed) return;
    if (res.status === 401 || res.status === 403) {
      closed = true;
      status('closed', { attempt });
      opts.onUnauthorized?.();
      return;
    }
    const ct = res.headers.get('content-type') ?? '';
    if (!res.ok || !res.body || !ct.includes('text/event-stream')) {
      try {
        await res.body?.cancel();
      } catch {
        /* ignore */
      }
      scheduleReconnect(new Error(`stream answered HTTP ${res.status}`));
      return;
    }
    attempt = 0;
    status('open');
    const parser = new SseParser();
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (closed) break;
        for (const msg of parser.push(decoder.decode(value, { stream: true }))) {
          if (msg.id !== undefined) lastEventId = msg.id || undefined;
          if (msg.retry !== undefined) serverRetry = msg.retry;
          try {
            opts.onMessage(msg);
          } catch (e) {
            console.error('SSE handler failed', e);
          }
        }
      }
    } catch (e) {
      if (!closed) {
        scheduleReconnect(e);
        return;
      }
    }
    if (!closed) scheduleReconnect(new Error('stream ended'));
  }

  void run();

  return {
    close() {
      if (closed) return;
      closed = true;
      if (timer !== null) cancel(timer);
      controller?.abort();
      status('closed', { attempt });
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}
