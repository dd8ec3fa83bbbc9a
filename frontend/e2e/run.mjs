#!/usr/bin/env node
// Browser tests for the Tasklog dashboard: plain Node + playwright-core + Debian's chromium.
//   BASE_URL        app under test (default http://localhost:8080)
//   SCREENSHOT_DIR  where screenshots go (default frontend/target/screenshots)
//   CHROMIUM        browser binary (default /usr/bin/chromium)
//   E2E_TIMEZONE    browser time zone (default Europe/Berlin, so local<->UTC conversion is exercised)
// Exits non-zero if any assertion fails. Prints "N passed, N failed" at the end.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const SHOTS = path.resolve(process.env.SCREENSHOT_DIR || path.join(HERE, '..', 'target', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TZ = process.env.E2E_TIMEZONE || 'Europe/Berlin';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUN = Date.now().toString(36);
const PASSWORD = 'correct-horse-battery-9';

fs.mkdirSync(SHOTS, { recursive: true });

class AssertionError extends Error {}
function assert(cond, msg) {
  if (!cond) throw new AssertionError(msg);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns truthy or the timeout passes; returns the value or throws. */
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
    await sleep(100);
  }
  throw new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

/** Wall-clock date "YYYY-MM-DD" and time "HH:MM:SS" of an instant in the browser's zone. */
function localInputs(date) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date).map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`    screenshot ${file}`);
}

async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ timezoneId: TZ, viewport: { width: 1200, height: 820 }, ...opts });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('pageerror', (e) => console.log(`    [page error] ${e.message}`));
  page.on('dialog', (d) => d.accept());
  return { context, page };
}

async function auth(page, mode, email) {
  await page.goto(BASE_URL + '/');
  const form = page.getByTestId('auth-form');
  await form.waitFor();
  if (mode === 'register') await page.getByRole('tab', { name: 'Register' }).click();
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(PASSWORD);
  await page.getByTestId('auth-submit').click();
  await Promise.race([
    page.getByTestId('new-task').waitFor({ timeout: 15000 }),
    page.getByTestId('auth-error').waitFor({ timeout: 15000 }).then(async () => {
      throw new AssertionError(`${mode} failed: ${await page.getByTestId('auth-error').innerText()}`);
    }),
  ]);
}

async function waitLive(page) {
  await waitUntil(async () => (await page.getByTestId('live-indicator').getAttribute('data-status')) === 'open', 15000, 'the live stream to connect');
}

const taskItem = (page, title) => page.getByTestId('task-item').filter({ has: page.getByTestId('task-title').getByText(title, { exact: true }) });

/** Fills and submits the task dialog. */
async function createTask(page, { title, priority, due, remind, daily, screenshot }) {
  await page.getByTestId('new-task').click();
  const dlg = page.getByTestId('task-dialog');
  await dlg.waitFor();
  await dlg.getByLabel('Title').fill(title);
  if (priority) await dlg.getByLabel('Priority').selectOption(priority);
  if (due) {
    const { date, time } = localInputs(due);
    await dlg.getByLabel('Due date').fill(date);
    await dlg.getByLabel('Time').fill(time);
  }
  if (remind !== undefined) await dlg.getByLabel('Reminder').selectOption(String(remind));
  if (daily) {
    await dlg.getByTestId('recurrence-enabled').check();
    await dlg.getByTestId('recurrence-freq').selectOption('daily');
    await waitUntil(async () => (await dlg.getByTestId('recurrence-rrule').innerText()).startsWith('FREQ=DAILY'), 5000, 'the RRULE');
  }
  if (screenshot) {
    // Give the recurrence preview a moment to render the next dates.
    await sleep(800);
    await shot(page, screenshot);
  }
  await dlg.getByTestId('task-save').click();
  await Promise.race([
    dlg.waitFor({ state: 'detached', timeout: 15000 }),
    dlg.getByTestId('task-error').waitFor({ timeout: 15000 }).then(async () => {
      throw new AssertionError(`saving "${title}" failed: ${await dlg.getByTestId('task-error').innerText()}`);
    }),
  ]);
  await taskItem(page, title).first().waitFor({ timeout: 10000 });
}

async function unreadCount(page) {
  const label = await page.getByTestId('bell').getAttribute('aria-label');
  const m = /(\d+) unread/.exec(label ?? '');
  return m ? Number(m[1]) : NaN;
}

const results = [];
async function scenario(name, page, fn) {
  const started = Date.now();
  console.log(`• ${name}`);
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ passed (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`  ✗ FAILED: ${e instanceof AssertionError ? e.message : e?.stack ?? e}`);
    try {
      if (page) await shot(page, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    } catch {
      /* ignore */
    }
  }
}

async function main() {
  console.log(`Tasklog e2e against ${BASE_URL} (browser ${CHROMIUM}, zone ${TZ}, screenshots in ${SHOTS})`);
  // launch() gives every run a new, empty temporary user data directory.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const emailA = `alice-${RUN}@example.com`;
  const emailB = `bob-${RUN}@example.com`;
  const titles = [];
  const d1 = await newPage(browser);
  const d2 = await newPage(browser);
  const a1 = d1.page;
  const a2 = d2.page;
  let editedTitle = null;

  try {
    await scenario('1 two devices: a task created on one appears on the other within 2 s', a2, async () => {
      await auth(a1, 'register', emailA);
      await auth(a2, 'login', emailA);
      await waitLive(a1);
      await waitLive(a2);
      const title = `Buy oat milk ${RUN}`;
      titles.push(title);
      await createTask(a1, { title, priority: 'medium', due: new Date(Date.now() + 26 * 3600e3) });
      const t0 = Date.now();
      await taskItem(a2, title).first().waitFor({ timeout: 2000 }).catch(() => {
        throw new AssertionError(`"${title}" did not appear on the second device within 2 s (no reload)`);
      });
      console.log(`    appeared on device 2 after ${Date.now() - t0} ms`);
      await shot(a1, 'list');
    });

    await scenario('2 edit title and priority; history shows before -> after', a1, async () => {
      const before = titles[0];
      assert(before, 'scenario 1 created no task');
      const after = `${before} (2 litres)`;
      await taskItem(a1, before).first().getByTestId('task-title').click();
      const dlg = a1.getByTestId('task-dialog');
      await dlg.waitFor();
      await dlg.getByLabel('Title').fill(after);
      await dlg.getByLabel('Priority').selectOption('high');
      await shot(a1, 'edit-dialog');
      await dlg.getByTestId('task-save').click();
      await dlg.waitFor({ state: 'detached', timeout: 15000 });
      editedTitle = after;
      titles.push(after);
      const item = taskItem(a1, after).first();
      await item.waitFor();
      await waitUntil(async () => (await item.getByTestId('task-priority').innerText()).toLowerCase() === 'high', 5000, 'priority badge "high"');
      await item.getByTestId('task-history').click();
      const hist = a1.getByTestId('history-dialog');
      await hist.waitFor();
      const titleRow = hist.locator('[data-testid="history-change"][data-field="title"]').filter({ hasText: after });
      await titleRow.first().waitFor({ timeout: 10000 }).catch(() => {
        throw new AssertionError('history shows no title change to the new title');
      });
      const from = (await titleRow.first().locator('.from').innerText()).trim();
      const to = (await titleRow.first().locator('.to').innerText()).trim();
      assert(from === before, `title change "from" is "${from}", expected "${before}"`);
      assert(to === after, `title change "to" is "${to}", expected "${after}"`);
      const prioRow = hist.locator('[data-testid="history-change"][data-field="priority"]').filter({ hasText: 'high' }).first();
      await prioRow.waitFor({ timeout: 5000 }).catch(() => {
        throw new AssertionError('history shows no priority change');
      });
      assert((await prioRow.locator('.from').innerText()).trim() === 'medium', 'priority change should be from "medium"');
      assert((await prioRow.locator('.to').innerText()).trim() === 'high', 'priority change should be to "high"');
      // Time travel: the oldest entry (history is oldest first) shows the task as it was created.
      await hist.getByTestId('history-asof').first().click();
      const asofTitle = hist.getByTestId('asof-title');
      await asofTitle.waitFor({ timeout: 5000 }).catch(() => {
        throw new AssertionError('"view as of this moment" showed no snapshot');
      });
      const asofText = (await asofTitle.innerText()).trim();
      assert(asofText === before, `"as of" the first event shows title "${asofText}", expected "${before}"`);
      await shot(a1, 'history');
      await hist.getByRole('button', { name: 'Close' }).first().click();
      await hist.waitFor({ state: 'detached' });
    });

    await scenario('3 completing a daily recurring task shows its next occurrence', a1, async () => {
      const title = `Water the plants ${RUN}`;
      titles.push(title);
      const due = new Date(Date.now() + 3600e3);
      await createTask(a1, { title, due, daily: true, screenshot: 'edit-dialog-recurrence' });
      const first = taskItem(a1, title).first();
      await first.getByTestId('task-recurrence').waitFor({ timeout: 5000 });
      const firstId = await first.getAttribute('data-task-id');
      const firstDue = Date.parse(await first.getByTestId('task-due').getAttribute('data-due'));
      // click, not check(): a live update (the task's own reminder, due within the hour) can re-render
      // the row while the click lands; the outcome below is what matters
      await first.getByTestId('task-complete').click();
      const next = await waitUntil(async () => {
        const items = taskItem(a1, title);
        const n = await items.count();
        for (let i = 0; i < n; i++) {
          const it = items.nth(i);
          if ((await it.getAttribute('data-task-id')) === firstId) continue;
          if ((await it.getAttribute('data-status')) !== 'open') continue;
          const d = await it.getByTestId('task-due').getAttribute('data-due').catch(() => null);
          if (d && Date.parse(d) > firstDue) return { id: await it.getAttribute('data-task-id'), due: d };
        }
        return null;
      }, 15000, 'the next open occurrence with a later due date');
      const diffH = (Date.parse(next.due) - firstDue) / 3600e3;
      assert(diffH > 20 && diffH < 28, `next occurrence is ${diffH.toFixed(1)} h after the first, expected about 24 h`);
      console.log(`    next occurrence ${next.id} due ${next.due}`);
    });

    await scenario('4 a task due in ~5 s (no advance reminder) raises the unread count', a1, async () => {
      const before = await unreadCount(a1);
      assert(!Number.isNaN(before), 'the bell shows no unread count');
      const title = `Call the dentist ${RUN}`;
      titles.push(title);
      // Typing the form takes a moment: due ~8 s from now lands ~5 s after saving.
      await createTask(a1, { title, due: new Date(Date.now() + 8000), remind: 0 });
      await waitUntil(async () => (await unreadCount(a1)) > before, 20000, `the unread count to rise above ${before}`);
      console.log(`    unread ${before} -> ${await unreadCount(a1)}`);
      await a1.getByTestId('bell').click();
      const panel = a1.getByTestId('notification-panel');
      await panel.waitFor();
      await panel.getByTestId('notification-item').filter({ hasText: title }).first().waitFor({ timeout: 5000 }).catch(() => {
        throw new AssertionError(`no notification for "${title}" in the dropdown`);
      });
      await shot(a1, 'notifications');
      await a1.keyboard.press('Escape');
    });

    const b = await newPage(browser);
    await scenario("5 user B sees none of A's tasks", b.page, async () => {
      await auth(b.page, 'register', emailB);
      await b.page.getByTestId('filter-status').selectOption('all');
      await b.page.getByTestId('empty').waitFor({ timeout: 10000 }).catch(() => {
        throw new AssertionError('user B\'s list is not empty');
      });
      assert((await b.page.getByTestId('task-item').count()) === 0, 'user B sees tasks');
      const text = await b.page.locator('body').innerText();
      for (const t of titles) assert(!text.includes(t), `user B sees "${t}"`);
      await shot(b.page, 'list-user-b-empty');
    });
    await b.context.close();

    // Phone-width screenshot of A's list (not an assertion).
    try {
      const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await auth(phone.page, 'login', emailA);
      await sleep(800);
      await shot(phone.page, 'list-phone');
      await phone.context.close();
    } catch (e) {
      console.log(`    (phone screenshot skipped: ${e.message})`);
    }
  } finally {
    await browser.close();
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  if (failed || results.length === 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
