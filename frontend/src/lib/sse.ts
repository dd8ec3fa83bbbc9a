/**
 * The dashboard's live stream: `@microsoft/fetch-event-source` (fetch-based, so it can send an Authorization
 * header, which EventSource cannot; it parses the stream and resumes with Last-Event-ID), plus what the
 * dashboard needs around it: a fresh token on every (re)connect, exponential backoff capped at 30 s, the
 * server's `retry` for the first reconnect, a reconnect when the server ends the stream, and no reconnect
 * after 401/403.
 */
import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source';

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
  retry?: number;
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

class Unauthorized extends Error {}

export function connectStream(opts: StreamOptions): StreamHandle {
  const doFetch = opts.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => fetch(i, init));
  const initial = opts.initialDelayMs ?? 1000;
  const max = opts.maxDelayMs ?? 30000;
  const controller = new AbortController();
  let lastEventId = opts.lastEventId;
  let attempt = 0;
  let serverRetry: number | undefined;
  const status = (s: StreamStatus, info?: { attempt: number; delayMs?: number; error?: unknown }) =>
    opts.onStatus?.(s, info ?? { attempt });

  fetchEventSource(opts.url, {
    signal: controller.signal,
    openWhenHidden: true, // a hidden tab keeps its stream (and the unread count) up to date
    cache: 'no-store',
    headers: { 'Cache-Control': 'no-cache', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    fetch: (input, init) => {
      status('connecting');
      const token = opts.getToken();
      return doFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
    },
    async onopen(res) {
      if (res.status === 401 || res.status === 403) throw new Unauthorized();
      const ct = res.headers.get('content-type') ?? '';
      if (!res.ok || !ct.includes('text/event-stream')) throw new Error(`stream answered HTTP ${res.status}`);
      attempt = 0;
      status('open');
    },
    onmessage(msg: EventSourceMessage) {
      if (msg.id) lastEventId = msg.id;
      if (msg.retry !== undefined) serverRetry = msg.retry;
      if (!msg.data) return; // a block without data (e.g. a comment) is no event
      try {
        opts.onMessage({ event: msg.event || 'message', data: msg.data, ...(msg.id ? { id: msg.id } : {}), ...(msg.retry !== undefined ? { retry: msg.retry } : {}) });
      } catch (e) {
        console.error('SSE handler failed', e);
      }
    },
    onclose() {
      throw new Error('stream ended'); // the server ended it: reconnect (onerror)
    },
    onerror(error) {
      if (error instanceof Unauthorized) {
        controller.abort();
        status('closed', { attempt });
        opts.onUnauthorized?.();
        throw error; // stops fetchEventSource
      }
      attempt++;
      const delayMs = serverRetry !== undefined && attempt === 1 ? Math.min(serverRetry, max) : backoffDelay(attempt, initial, max);
      status('reconnecting', { attempt, delayMs, error });
      return delayMs;
    },
  }).catch(() => {
    /* ended by onerror (401/403) */
  });

  return {
    close() {
      if (controller.signal.aborted) return;
      controller.abort();
      status('closed', { attempt });
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}
