import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, connectStream, type SseMessage, type StreamStatus } from './sse';

describe('backoffDelay', () => {
  it('doubles and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((a) => backoffDelay(a))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

/** A fake SSE response whose body the test writes to. */
function streamResponse(status = 200) {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => (ctrl = c) });
  const enc = new TextEncoder();
  return {
    response: new Response(body, { status, headers: { 'content-type': 'text/event-stream' } }),
    write: (s: string) => ctrl.enqueue(enc.encode(s)),
    end: () => ctrl.close(),
    fail: () => ctrl.error(new TypeError('network')),
  };
}

/** Lets fetches, stream reads and handlers run (real macrotask turns; only setTimeout is faked). */
const { setImmediate: macrotask } = globalThis as unknown as { setImmediate: (fn: () => void) => void };
async function flush(n = 10) {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => macrotask(r));
}

function harness(token: () => string | null = () => 'tok') {
  const requests: Headers[] = [];
  const responses: (() => Response | Promise<Response>)[] = [];
  const messages: SseMessage[] = [];
  const statuses: StreamStatus[] = [];
  const delays: number[] = [];
  const fetchFn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Headers(init?.headers));
    const next = responses.shift();
    if (!next) throw new TypeError('no response queued');
    return next();
  });
  const connect = (extra: { onMessage?: (m: SseMessage) => void; onUnauthorized?: () => void } = {}) =>
    connectStream({
      url: '/api/stream',
      fetch: fetchFn as unknown as typeof fetch,
      getToken: token,
      onMessage: extra.onMessage ?? ((m) => messages.push(m)),
      onUnauthorized: extra.onUnauthorized,
      onStatus: (s, info) => {
        statuses.push(s);
        if (s === 'reconnecting') delays.push(info!.delayMs!);
      },
    });
  /** Lets the pending reconnect fire; returns its delay. */
  const reconnect = async () => {
    const ms = delays.at(-1)!;
    await vi.advanceTimersByTimeAsync(ms);
    await flush();
    return ms;
  };
  return { requests, responses, messages, statuses, delays, fetchFn, connect, reconnect };
}

beforeEach(() => {
  // fetch-event-source is a browser library: it schedules with window.setTimeout and listens on document
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('document', { hidden: false, addEventListener: () => {}, removeEventListener: () => {} });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('connectStream', () => {
  it('sends the token, delivers events and resumes with Last-Event-ID after the stream ends', async () => {
    const h = harness();
    const s1 = streamResponse();
    const s2 = streamResponse();
    h.responses.push(() => s1.response, () => s2.response);
    const handle = h.connect();
    await flush();
    expect(h.requests[0].get('authorization')).toBe('Bearer tok');
    expect(h.requests[0].get('last-event-id')).toBeNull();
    s1.write(': heartbeat\n\n');
    s1.write('id: 41\nevent: task.changed\ndata: {"taskId":"a"}\n\n');
    s1.write('id: 42\nevent: notification.created\ndata: {"unreadCount":1}\n\n');
    await flush();
    expect(h.messages.map((m) => [m.id, m.event])).toEqual([
      ['41', 'task.changed'],
      ['42', 'notification.created'],
    ]);
    s1.end();
    await flush();
    expect(h.statuses).toContain('reconnecting');
    expect(await h.reconnect()).toBe(1000);
    expect(h.requests[1].get('last-event-id')).toBe('42');
    expect(handle.lastEventId).toBe('42');
    expect(h.statuses.at(-1)).toBe('open');
    handle.close();
    expect(h.statuses.at(-1)).toBe('closed');
  });

  it('reads the event-stream format: multi-line data, CRLF split across chunks, the default event type', async () => {
    const h = harness();
    const s = streamResponse();
    h.responses.push(() => s.response);
    h.connect();
    await flush();
    s.write('data: a\ndata: b\n\n');
    s.write('event: x\r');
    s.write('\ndata: c\r\n\r\n');
    await flush();
    expect(h.messages).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'x', data: 'c' },
    ]);
  });

  it('asks for a fresh token on every reconnect', async () => {
    let token = 'one';
    const h = harness(() => token);
    h.responses.push(() => Promise.reject(new TypeError('down')), () => streamResponse().response);
    h.connect();
    await flush();
    token = 'two';
    await h.reconnect();
    expect(h.requests.map((r) => r.get('authorization'))).toEqual(['Bearer one', 'Bearer two']);
  });

  it('backs off exponentially up to 30 s while the server is unreachable, then resets after success', async () => {
    const h = harness();
    for (let i = 0; i < 8; i++) h.responses.push(() => Promise.reject(new TypeError('down')));
    const ok = streamResponse();
    h.responses.push(() => ok.response);
    h.connect();
    await flush();
    for (let i = 0; i < 8; i++) await h.reconnect();
    expect(h.delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    // The 9th attempt connected; when it drops the backoff starts over.
    ok.fail();
    await flush();
    expect(h.delays.at(-1)).toBe(1000);
  });

  it('reconnects on a non-200 answer and on a wrong content type', async () => {
    const h = harness();
    h.responses.push(
      () => new Response('{}', { status: 503, headers: { 'content-type': 'application/problem+json' } }),
      () => new Response('hi', { status: 200, headers: { 'content-type': 'text/html' } }),
      () => streamResponse().response,
    );
    h.connect();
    await flush();
    expect(await h.reconnect()).toBe(1000);
    expect(await h.reconnect()).toBe(2000);
    expect(h.fetchFn).toHaveBeenCalledTimes(3);
  });

  it('stops and reports 401 without reconnecting', async () => {
    const h = harness();
    h.responses.push(() => new Response('', { status: 401 }));
    const onUnauthorized = vi.fn();
    h.connect({ onUnauthorized });
    await flush();
    expect(onUnauthorized).toHaveBeenCalled();
    expect(h.statuses.at(-1)).toBe('closed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.fetchFn).toHaveBeenCalledTimes(1);
  });

  it('honours the server retry field for the first reconnect', async () => {
    const h = harness();
    const s = streamResponse();
    h.responses.push(() => s.response);
    h.connect();
    await flush();
    s.write('retry: 2500\ndata: x\n\n');
    s.end();
    await flush();
    expect(h.delays).toEqual([2500]);
  });

  it('close() cancels a pending reconnect', async () => {
    const h = harness();
    h.responses.push(() => Promise.reject(new TypeError('down')), () => streamResponse().response);
    const handle = h.connect();
    await flush();
    expect(h.delays).toEqual([1000]);
    handle.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.fetchFn).toHaveBeenCalledTimes(1);
  });

  it('a throwing handler does not break the stream', async () => {
    const h = harness();
    const s = streamResponse();
    h.responses.push(() => s.response);
    const got: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    h.connect({ onMessage: (m) => { got.push(m.data); if (m.data === '1') throw new Error('boom'); } });
    await flush();
    s.write('data: 1\n\ndata: 2\n\n');
    await flush();
    expect(got).toEqual(['1', '2']);
    err.mockRestore();
  });
});
