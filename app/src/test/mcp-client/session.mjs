#!/usr/bin/env node
// A real MCP client (the official TypeScript SDK, @modelcontextprotocol/sdk) against a running Tasklog:
// initialize, list tools and resources, create a task through a tool and find it in the REST list, on the
// user's SSE stream and in the recent-events resource (with the resource-updated notification), every tool,
// the REST-worded errors, 401 without or with a bad token, and two users who never see each other's tasks.
//   BASE_URL   the app under test (default http://localhost:8080)
// Exits non-zero if any check fails. Prints "N passed, N failed" at the end.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const MCP_URL = new URL(`${BASE_URL}/mcp`);
const RECENT = 'tasklog://events/recent';
const RUN = Date.now().toString(36);
const TOOLS = ['complete_task', 'create_task', 'delete_task', 'get_task', 'list_notifications', 'list_tasks',
  'recent_task_events', 'reopen_task', 'task_history', 'update_task'];

class AssertionError extends Error {}
function assert(cond, msg) {
  if (!cond) throw new AssertionError(msg);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** JSON equality regardless of key order (the read model keeps tasks as jsonb, which orders keys its own way). */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}
const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

async function waitUntil(fn, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(50);
  }
  throw new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

// ---- REST helpers (the same user, over the HTTP API) ----

async function rest(method, path, token, body, headers = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

async function register(name) {
  const r = await rest('POST', '/api/auth/register', null, { email: `${name}-${RUN}@mcp.example`, password: 'correct-horse-battery-9' });
  assert(r.status === 201, `register ${name}: ${r.status}`);
  return r.json.token;
}

/** The user's SSE stream, collecting task.changed events. */
async function openStream(token) {
  const controller = new AbortController();
  const response = await fetch(`${BASE_URL}/api/stream`, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal: controller.signal });
  assert(response.status === 200, `stream: ${response.status}`);
  const events = [];
  const stream = { events, close: () => controller.abort() };
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1];
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.replace(/^data: ?/, '')).join('\n');
          if (event) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return stream;
}

// ---- MCP helpers ----

async function connect(token, name) {
  const client = new Client({ name: `tasklog-it-${name}`, version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(MCP_URL, { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  const updates = [];
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => updates.push({ uri: n.params.uri, at: Date.now() }));
  return { client, transport, updates };
}

async function call(mcp, name, args = {}) {
  const result = await mcp.client.callTool({ name, arguments: args });
  const text = result.content?.[0]?.text;
  return { isError: result.isError === true, text, data: result.structuredContent };
}

async function ok(mcp, name, args) {
  const r = await call(mcp, name, args);
  assert(!r.isError, `${name} failed: ${r.text}`);
  assert(same(JSON.parse(r.text), r.data), `${name}: text and structuredContent differ`);
  return r.data;
}

async function recent(mcp) {
  const result = await mcp.client.readResource({ uri: RECENT });
  assert(result.contents[0].mimeType === 'application/json', 'recent events are JSON');
  return JSON.parse(result.contents[0].text);
}

// ---- the checks ----

const results = [];
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push(true);
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push(false);
    console.log(`  FAIL  ${name}: ${e instanceof AssertionError ? e.message : e.stack}`);
  }
}

const tokenA = await register('alice');
const tokenB = await register('bob');
let alice;
let bob;
let stream;
let created;

await check('401 problem without a token', async () => {
  const r = await fetch(MCP_URL, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }) });
  assert(r.status === 401, `status ${r.status}`);
  assert(r.headers.get('www-authenticate')?.startsWith('Bearer'), 'WWW-Authenticate: Bearer');
  const problem = await r.json();
  assert(problem.title === 'Unauthorized' && problem.status === 401, JSON.stringify(problem));
});

await check('the SDK client with a bad token is refused with 401', async () => {
  const client = new Client({ name: 'intruder', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(MCP_URL, { requestInit: { headers: { Authorization: 'Bearer not.a.token' } } });
  let error;
  try {
    await client.connect(transport);
  } catch (e) {
    error = e;
  }
  assert(error && /401/.test(String(error.message) + String(error.code)), `expected a 401 error, got ${error}`);
});

await check('initialize: server info, tools and subscribable resources', async () => {
  alice = await connect(tokenA, 'alice');
  const info = alice.client.getServerVersion();
  assert(info.name === 'tasklog', JSON.stringify(info));
  const caps = alice.client.getServerCapabilities();
  assert(caps.tools && caps.resources?.subscribe === true, JSON.stringify(caps));
  assert(alice.transport.sessionId, 'a session id');
});

await check('tools/list: the ten tools with described input schemas', async () => {
  const { tools } = await alice.client.listTools();
  assert(JSON.stringify(tools.map((t) => t.name).sort()) === JSON.stringify(TOOLS), tools.map((t) => t.name).join(','));
  for (const tool of tools) {
    assert(tool.description?.length > 20 && tool.inputSchema?.type === 'object', `${tool.name} described`);
  }
  const create = tools.find((t) => t.name === 'create_task');
  assert(create.inputSchema.required.includes('title') && create.inputSchema.properties.dueAt.description, 'create_task schema');
  const update = tools.find((t) => t.name === 'update_task');
  assert(update.inputSchema.properties.expectedVersion && update.inputSchema.required.includes('id'), 'update_task schema');
});

await check('resources/list: tasklog://events/recent', async () => {
  const { resources } = await alice.client.listResources();
  assert(resources.some((r) => r.uri === RECENT && r.mimeType === 'application/json'), JSON.stringify(resources));
});

await check('warm-up: a task created over REST reaches the recent events', async () => {
  const r = await rest('POST', '/api/tasks', tokenA, { title: `warm-up ${RUN}` });
  assert(r.status === 201, `create: ${r.status}`);
  await waitUntil(async () => (await recent(alice)).some((e) => e.taskId === r.json.id), 30000, 'the warm-up event');
});

await check('create_task → REST list, SSE stream, recent events within 2 s, resource-updated notification', async () => {
  bob = await connect(tokenB, 'bob');
  await bob.client.subscribeResource({ uri: RECENT });
  await alice.client.subscribeResource({ uri: RECENT });
  stream = await openStream(tokenA);
  await sleep(300); // the stream has subscribed
  alice.updates.length = 0;
  const started = Date.now();
  created = await ok(alice, 'create_task', { title: `Buy milk ${RUN}`, priority: 'high', tags: ['mcp'], dueAt: '2030-01-31T09:00:00Z', timeZone: 'Europe/Berlin' });
  assert(created.id && created.title === `Buy milk ${RUN}` && created.priority === 'high' && created.version === 0, JSON.stringify(created));
  const event = await waitUntil(async () => (await recent(alice)).find((e) => e.taskId === created.id), 2000, 'the event in tasklog://events/recent');
  const seenAfter = Date.now() - started;
  assert(event.type === 'io.tasklog.task.created.v1' && event.title === created.title && event.eventId && event.at, JSON.stringify(event));
  assert(event.changes.title.to === created.title && event.changes.title.from === null, JSON.stringify(event.changes));
  const update = await waitUntil(() => alice.updates.find((u) => u.uri === RECENT), 2000, 'notifications/resources/updated');
  console.log(`    in recent events after ${seenAfter} ms, notified after ${update.at - started} ms`);
  const listed = await waitUntil(async () => (await rest('GET', '/api/tasks', tokenA)).json.items.find((t) => t.id === created.id), 5000, 'the task in GET /api/tasks');
  assert(same(listed, created), `the REST list shows the same task JSON: ${JSON.stringify(listed)} vs ${JSON.stringify(created)}`);
  await waitUntil(() => stream.events.find((e) => e.event === 'task.changed' && e.data.taskId === created.id), 5000, 'task.changed on /api/stream');
});

await check('get_task, list_tasks with filters, recent_task_events tool', async () => {
  const got = await ok(alice, 'get_task', { id: created.id });
  assert(same(got, created), `get_task = create answer: ${JSON.stringify(got)}`);
  const page = await ok(alice, 'list_tasks', { status: 'open', priority: ['high'], tag: 'mcp', q: 'milk', limit: 5 });
  assert(page.items.length === 1 && page.items[0].id === created.id && 'nextCursor' in page, JSON.stringify(page));
  const tool = await call(alice, 'recent_task_events');
  assert(!tool.isError && tool.data.events.some((e) => e.eventId && e.taskId === created.id), tool.text);
  });

await check('update_task with expectedVersion; a stale version is refused with the REST problem', async () => {
  const updated = await ok(alice, 'update_task', { id: created.id, expectedVersion: 0, title: `Buy oat milk ${RUN}`, description: null });
  assert(updated.version === 1 && updated.title === `Buy oat milk ${RUN}`, JSON.stringify(updated));
  const stale = await call(alice, 'update_task', { id: created.id, expectedVersion: 0, priority: 'low' });
  const viaRest = await rest('PATCH', `/api/tasks/${created.id}`, tokenA, { priority: 'low' }, { 'If-Match': '"0"' });
  assert(viaRest.status === 412, `REST ${viaRest.status}`);
  assert(stale.isError && stale.text === `${viaRest.json.title}: ${viaRest.json.detail}`, `${stale.text} vs ${JSON.stringify(viaRest.json)}`);
  assert(stale.data.status === 412 && stale.data.currentVersion === 1, JSON.stringify(stale.data));
  assert((await ok(alice, 'get_task', { id: created.id })).priority === 'high', 'nothing changed');
  const event = await waitUntil(async () => (await recent(alice)).find((e) => e.taskId === created.id && e.type === 'io.tasklog.task.updated.v1'), 5000, 'the update event');
  assert(event.changes.title.from === `Buy milk ${RUN}` && event.changes.title.to === `Buy oat milk ${RUN}`, JSON.stringify(event.changes));
});

await check('bad arguments: tool errors in the REST wording, nothing stored, no stack trace', async () => {
  const before = (await ok(alice, 'list_tasks', { limit: 200 })).items.length;
  const blank = await call(alice, 'create_task', { title: '   ' });
  const blankRest = await rest('POST', '/api/tasks', tokenA, { title: '   ' });
  assert(blank.isError && blank.text === `${blankRest.json.title}: ${blankRest.json.detail}`, `${blank.text} vs ${JSON.stringify(blankRest.json)}`);
  const priority = await call(alice, 'create_task', { title: 'x', priority: 'super' });
  assert(priority.isError && /priority: 'super' is not one of none, low, medium, high, urgent/.test(priority.text), priority.text);
  const status = await call(alice, 'list_tasks', { status: 'done' });
  const statusRest = await rest('GET', '/api/tasks?status=done', tokenA);
  assert(status.isError && status.text === `${statusRest.json.title}: ${statusRest.json.detail}`, `${status.text} vs ${JSON.stringify(statusRest.json)}`);
  const limit = await call(alice, 'list_tasks', { limit: 1000 });
  const limitRest = await rest('GET', '/api/tasks?limit=1000', tokenA);
  assert(limit.isError && limit.text === `${limitRest.json.title}: ${limitRest.json.detail}`, `${limit.text} vs ${JSON.stringify(limitRest.json)}`);
  const unknown = await call(alice, 'get_task', { id: created.id, verbose: true });
  assert(unknown.isError && /unknown argument 'verbose'/.test(unknown.text), unknown.text);
  const missing = await call(alice, 'complete_task', {});
  assert(missing.isError && /'id' is required/.test(missing.text), missing.text);
  const asOf = await call(alice, 'get_task', { id: created.id, asOf: 'yesterday' });
  assert(asOf.isError && /'asOf' must be an ISO-8601 instant/.test(asOf.text), asOf.text);
  for (const r of [blank, priority, status, limit, unknown, missing, asOf]) {
    assert(!/Exception|\tat /.test(r.text), `no stack trace: ${r.text}`);
  }
  assert((await ok(alice, 'list_tasks', { limit: 200 })).items.length === before, 'nothing was created');
});

await check('complete_task, reopen_task, task_history, get_task asOf, list_notifications', async () => {
  const done = await ok(alice, 'complete_task', { id: created.id });
  assert(done.status === 'completed' && done.completedAt, JSON.stringify(done));
  const open = await ok(alice, 'reopen_task', { id: created.id });
  assert(open.status === 'open', JSON.stringify(open));
  const history = await ok(alice, 'task_history', { id: created.id });
  assert(JSON.stringify(history.items.map((i) => i.type)) === JSON.stringify(['created', 'updated', 'completed', 'reopened']), JSON.stringify(history.items.map((i) => i.type)));
  const restHistory = await rest('GET', `/api/tasks/${created.id}/history`, tokenA);
  assert(same(restHistory.json, history), 'task_history = GET /history');
  const past = await ok(alice, 'get_task', { id: created.id, asOf: history.items[0].at });
  assert(past.version === 0 && past.title === `Buy milk ${RUN}`, JSON.stringify(past));
  const notifications = await ok(alice, 'list_notifications', { unreadOnly: true });
  assert(Array.isArray(notifications.items) && 'nextCursor' in notifications, JSON.stringify(notifications));
});

await check('isolation: bob sees and changes none of alice\'s tasks or events', async () => {
  const bobs = await ok(bob, 'create_task', { title: `Bob's own ${RUN}` });
  // the list reads the read model, which follows the write within moments
  const list = await waitUntil(async () => { const page = await ok(bob, 'list_tasks', {}); return page.items.length > 0 && page; }, 5000, 'bob\'s task listed');
  assert(list.items.length === 1 && list.items[0].id === bobs.id, JSON.stringify(list.items.map((t) => t.title)));
  const notFoundRest = await rest('GET', `/api/tasks/${created.id}`, tokenB);
  for (const [name, args] of [['get_task', { id: created.id }], ['update_task', { id: created.id, title: 'hijacked' }],
    ['complete_task', { id: created.id }], ['reopen_task', { id: created.id }], ['delete_task', { id: created.id }],
    ['task_history', { id: created.id }], ['get_task', { id: created.id, asOf: new Date().toISOString() }]]) {
    const r = await call(bob, name, args);
    assert(r.isError && r.data.status === 404 && r.text === `${notFoundRest.json.title}: ${notFoundRest.json.detail}`, `${name}: ${r.text}`);
  }
  const alices = await ok(alice, 'get_task', { id: created.id });
  assert(alices.version === 3 && alices.title === `Buy oat milk ${RUN}` && alices.status === 'open', 'alice\'s task untouched');
  await waitUntil(async () => (await recent(bob)).some((e) => e.taskId === bobs.id), 5000, 'bob\'s own event');
  const bobsEvents = await recent(bob);
  assert(bobsEvents.every((e) => e.taskId === bobs.id), 'bob\'s recent events are his only');
  assert(!(await recent(alice)).some((e) => e.taskId === bobs.id), 'alice does not see bob\'s events');
  const alicesUpdates = alice.updates.length;
  const bobsUpdatesBefore = bob.updates.length;
  await ok(alice, 'update_task', { id: created.id, priority: 'urgent' });
  await waitUntil(() => alice.updates.length > alicesUpdates, 5000, 'alice notified');
  await sleep(500);
  assert(bob.updates.length === bobsUpdatesBefore, 'bob is not notified of alice\'s events');
  assert(bob.updates.length >= 1, 'bob was notified of his own event');
});

await check('a session belongs to its user: bob cannot use alice\'s session', async () => {
  const r = await fetch(MCP_URL, { method: 'POST',
    headers: { Authorization: `Bearer ${tokenB}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': alice.transport.sessionId, 'Mcp-Protocol-Version': '2025-06-18' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'tools/call', params: { name: 'list_tasks', arguments: {} } }) });
  assert(r.status === 404, `status ${r.status}`);
  await ok(alice, 'list_tasks', {});
});

await check('delete_task', async () => {
  const deleted = await ok(alice, 'delete_task', { id: created.id });
  assert(deleted.deleted === true && deleted.id === created.id, JSON.stringify(deleted));
  const gone = await waitUntil(async () => { const r = await call(alice, 'get_task', { id: created.id }); return r.isError && r; }, 5000, 'the task gone from the read model');
  assert(gone.data.status === 404 && gone.text === 'Task not found: No such task', gone.text);
  await waitUntil(async () => (await recent(alice)).find((e) => e.taskId === created.id && e.type === 'io.tasklog.task.deleted.v1'), 5000, 'the deletion event');
  const events = await recent(alice);
  assert(events.length <= 20 && events.every((e, i) => i === 0 || events[i - 1].at >= e.at), 'at most 20, newest first');
});

stream?.close();
await alice?.client.close();
await bob?.client.close();
const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
