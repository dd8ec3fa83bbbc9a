import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, connectStream, SseParser, type SseMessage, type StreamStatus } from './sse';

describe('SseParser', () => {
  it('parses events with id, type and JSON data', () => {
    const p = new SseParser();
    const out = p.push('id: 7\nevent: task.changed\ndata: {"taskId":"t1"}\n\n');
    expect(out).toEqual([{ id: '7', event: 'task.changed', data: '{"taskId":"t1"}' }]);
  });
  it('ignores comments and heartbeats', () => {
    const p = new SseParser();
    expect(p.push(': heartbeat\n\n:another\n\n')).toEqual([]);
  });
  it('joins multi-line data and defaults the type to message', () => {
    expect(new SseParser().push('data: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
  it('handles chunks split anywhere, including inside CRLF', () => {
    const text = 'id: 1\r\nevent: x\r\ndata: {"a":1}\r\n\r\nid: 2\r\ndata: y\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const p = new SseParser();
      const out = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
      expect(out, `cut at ${cut}`).toEqual([
        { id: '1', event: 'x', data: '{"a":1}' },
        { id: '2', event: 'message', data: 'y' },
      ]);
    }
  });
  it('handles bare CR line ends', () => {
    expect(new SseParser().push('data: a\r\r')).toEqual([{ event: 'message', data: 'a' }]);
  });
  it('field without colon, no space after colon, retry', () => {
    const p = new SseParser();
    expect(p.push('data\ndata:x\nretry: 5000\n\n')).toEqual([{ event: 'message', data: '\nx', retry: 5000 }]);
  });
  it('does not dispatch without data and keeps partial events buffered', () => {
    const p = new SseParser();
    expect(p.push('event: a\n\n')).toEqual([]);
    expect(p.push('data: 1')).toEqual([]);
    expect(p.push('\n')).toEqual([]);
    expect(p.push('\n')).toEqual([{ event: 'message', data: '1' }]);
  });
});

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

const tick = () => new Promise((r) => setTimeout(r, 0));
async function flush(n = 10) {
  for (let i = 0; i < n; i++) await tick();
}

function harness() {
  const timers: { fn: () => void; ms: number }[] = [];
  const requests: Headers[] = [];
  const responses: (() => Response | Promise<Response>)[] = [];
  const messages: SseMessage[] = [];
  const statuses: StreamStatus[] = [];
  const fetchFn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Headers(init?.headers));
    const next = responses.shift();
    if (!next) throw new TypeError('no response queued');
    return next();
  });
  const run = () => {
    const t = timers.shift();
    if (!t) throw new Error('no timer');
    t.fn();
    return t.ms;
  };
  return { timers, requests, responses, messages, statuses, fetchFn: fetchFn as unknown as typeof fetch, run };
}

describe('connectStream', () => {
  it('sends the token, delivers events and resumes with Last-Event-ID after the stream ends', async () => {
    const h = harness();
    const s1 = streamResponse();
    const s2 = streamResponse();
    h.responses.push(() => s1.response, () => s2.response);
    const handle = connectStream({
      url: '/api/stream',
      fetch: h.fetchFn,
      getToken: () => 'tok',
      onMessage: (m) => h.messages.push(m),
      onStatus: (s) => h.statuses.push(s),
      schedule: (fn, ms) => h.timers.push({ fn, ms }),
      cancelSchedule: () => {},
    });
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
    expect(h.run()).toBe(1000);
    await flush();
    expect(h.requests[1].get('last-event-id')).toBe('42');
    expect(handle.lastEventId).toBe('42');
    expect(h.statuses.at(-1)).toBe('open');
    handle.close();
    expect(h.statuses.at(-1)).toBe('closed');
  });

  it('backs off exponentially up to 30 s while the server is unreachable, then resets after success', async () => {
    const h = harness();
    for (let i = 0; i < 8; i++) h.responses.push(() => Promise.reject(new TypeError('down')));
    const ok = streamResponse();
    h.responses.push(() => ok.response);
    const failing = streamResponse();
    h.responses.push(() => failing.response);
    connectStream({
      url: '/api/stream',
      fetch: h.fetchFn,
      getToken: () => 't',
      onMessage: () => {},
      schedule: (fn, ms) => h.timers.push({ fn, ms }),
    });
    await flush();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push(h.run());
      await flush();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    // The 9th attempt connected; when it drops the backoff starts over.
    ok.fail();
    await flush();
    expect(h.run()).toBe(1000);
  });

  it('reconnects on a non-200 answer and on a wrong content type', async () => {
    const h = harness();
    h.responses.push(
      () => new Response('{}', { status: 503, headers: { 'content-type': 'application/problem+json' } }),
      () => new Response('hi', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const s = streamResponse();
    h.responses.push(() => s.response);
    connectStream({ url: '/s', fetch: h.fetchFn, getToken: () => 't', onMessage: () => {}, schedule: (fn, ms) => h.timers.push({ fn, ms }) });
    await flush();
    expect(h.run()).toBe(1000);
    await flush();
    expect(h.run()).toBe(2000);
    await flush();
    expect(h.fetchFn).toHaveBeenCalledTimes(3);
  });

  it('stops and reports 401 without reconnecting', async () => {
    const h = harness();
    h.responses.push(() => new Response('', { status: 401 }));
    const onUnauthorized = vi.fn();
    connectStream({ url: '/s', fetch: h.fetchFn, getToken: () => 't', onMessage: () => {}, onUnauthorized, schedule: (fn, ms) => h.timers.push({ fn, ms }) });
    await flush();
    expect(onUnauthorized).toHaveBeenCalled();
    expect(h.timers).toHaveLength(0);
  });

  it('honours the server retry field for the first reconnect', async () => {
    const h = harness();
    const s = streamResponse();
    h.responses.push(() => s.response);
    connectStream({ url: '/s', fetch: h.fetchFn, getToken: () => 't', onMessage: () => {}, schedule: (fn, ms) => h.timers.push({ fn, ms }) });
    await flush();
    s.write('retry: 2500\ndata: x\n\n');
    s.end();
    await flush();
    expect(h.timers[0].ms).toBe(2500);
  });

  it('close() cancels a pending reconnect and aborts the request', async () => {
    const h = harness();
    h.responses.push(() => Promise.reject(new TypeError('down')));
    const cancel = vi.fn();
    const handle = connectStream({
      url: '/s', fetch: h.fetchFn, getToken: () => 't', onMessage: () => {},
      schedule: (fn, ms) => { h.timers.push({ fn, ms }); return 'timer-1'; },
      cancelSchedule: cancel,
    });
    await flush();
    handle.close();
    expect(cancel).toHaveBeenCalledWith('timer-1');
  });

  it('a throwing handler does not break the stream', async () => {
    const h = harness();
    const s = streamResponse();
    h.responses.push(() => s.response);
    const got: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    connectStream({
      url: '/s', fetch: h.fetchFn, getToken: () => 't',
      onMessage: (m) => { got.push(m.data); if (m.data === '1') throw new Error('boom'); },
      schedule: (fn, ms) => h.timers.push({ fn, ms }),
    });
    await flush();
    s.write('data: 1\n\ndata: 2\n\n');
    await flush();
    expect(got).toEqual(['1', '2']);
    err.mockRestore();
  });
});
