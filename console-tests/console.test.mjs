// Browser tests of the dccsim web console: Chromium headless driven by playwright-core.
// Run by ConsoleBrowserTest (dcc-sim), which starts the simulator and passes, in the environment:
//   CONSOLE_URL      the control port, e.g. http://127.0.0.1:40123
//   CONSOLE_TOKEN    the path of the control token file
//   DUIS_URL         the DUIS endpoint, e.g. http://127.0.0.1:40124
//   CHROMIUM         the browser to drive (default /usr/bin/chromium)
//   ARTEFACTS        where screenshots and downloads go
// It prints one line per check and exits non-zero when any failed.
import { chromium } from 'playwright-core';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const base = need('CONSOLE_URL');
const token = (await readFile(need('CONSOLE_TOKEN'), 'utf8')).trim();
const duis = need('DUIS_URL');
const artefacts = process.env.ARTEFACTS || 'target/console';
const SUPPLIER = '90-B3-D5-1F-30-01-00-00';

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}: ${e && e.stack ? e.stack : e}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function control(method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert(r.ok, `${method} ${path}: ${r.status}`);
  return r.json();
}

/** WCAG 2 contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

await mkdir(artefacts, { recursive: true });
const profile = await mkdtemp(join(tmpdir(), 'dccsim-console-chromium-'));
// A fresh profile of our own (Playwright passes it to Chromium as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  acceptDownloads: true,
  viewport: { width: 1360, height: 900 },
});
const page = context.pages()[0] || (await context.newPage());
const cspViolations = [];
page.on('console', (m) => {
  if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
});
page.on('pageerror', (e) => cspViolations.push(`page error: ${e.message}`));

async function shot(name, keepScroll = false) {
  if (!keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artefacts, `console-${name}.png`), fullPage: false });
}

async function go(hash, heading) {
  await page.click(`nav a[href="#${hash}"]`);
  await page.waitForSelector(`#page-${hash}:not([hidden])`);
  await page.waitForFunction((h) => document.title.startsWith(h), heading);
}

async function sendFromForm() {
  await go('send', 'Send');
  await page.waitForSelector('#send-user option', { state: 'attached' });
  await page.selectOption('#send-user', SUPPLIER);
  await page.selectOption('#send-srv', '12.1');
  await page.fill('#send-postcode', 'B1 1AB');
  await page.fill('#send-address', '3');
  await page.fill('#send-target', '');
  await page.click('#send-fill');
  await page.evaluate(() => document.getElementById('send-answer').replaceChildren());
  await page.click('#send-submit');
  await page.waitForSelector('#send-code');
  return {
    code: await page.textContent('#send-code'),
    meaning: await page.textContent('#send-meaning'),
  };
}

try {
  await check('the console refuses requests without the token and sets the security headers', async () => {
    for (const path of ['/control/release', '/control/journal/stream', '/control/journal/exchanges/1']) {
      const r = await fetch(base + path);
      assert(r.status === 401, `${path} without the token: ${r.status}`);
    }
    const wrong = await fetch(`${base}/control/release`, { headers: { Authorization: 'Bearer not-the-token-at-all' } });
    assert(wrong.status === 401, `a wrong token: ${wrong.status}`);
    const send = await fetch(`${base}/control/console/send`, { method: 'POST', body: '{}' });
    assert(send.status === 401, `send without the token: ${send.status}`);
    for (const path of ['/console/', '/console/login', '/console/assets/console.js', '/control/release']) {
      const r = await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
      const csp = r.headers.get('content-security-policy') || '';
      assert(csp.includes("frame-ancestors 'none'"), `${path}: CSP ${csp}`);
      assert(csp.includes("script-src 'self'") && !csp.includes('unsafe-inline'), `${path}: CSP ${csp}`);
      assert(csp.includes("default-src 'none'"), `${path}: CSP ${csp}`);
      assert(r.headers.get('x-frame-options') === 'DENY', `${path}: X-Frame-Options`);
      assert(r.headers.get('x-content-type-options') === 'nosniff', `${path}: nosniff`);
      assert(r.headers.get('referrer-policy') === 'same-origin', `${path}: Referrer-Policy`);
    }
    for (const path of ['/console/', '/console/login']) {
      const html = await (await fetch(base + path)).text();
      assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), `${path} has an inline script`);
      assert(!/\son[a-z]+=/i.test(html), `${path} has an inline event handler`);
      assert(!/style=/i.test(html), `${path} has an inline style`);
    }
    // A session cookie alone changes nothing: a request that changes something needs the header
    // a cross-site form cannot send.
    const login = await fetch(`${base}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(token)}`,
    });
    const cookie = (login.headers.get('set-cookie') || '').split(';')[0];
    assert(cookie.startsWith('dccsim-console='), `login cookie: ${cookie}`);
    assert(!cookie.includes(token), 'the cookie carries the token itself');
    const forged = await fetch(`${base}/control/clock/freeze`, { method: 'POST', headers: { Cookie: cookie } });
    assert(forged.status === 401, `a cookie-only POST: ${forged.status}`);
    const read = await fetch(`${base}/control/clock`, { headers: { Cookie: cookie } });
    assert(read.status === 200, `a cookie GET: ${read.status}`);
  });

  await check('log in: a wrong token is refused, the right one opens the console', async () => {
    await page.goto(`${base}/console/`);
    await page.waitForURL(/\/console\/login/);
    await shot('login');
    await page.fill('#token', 'certainly-not-the-token');
    await page.click('button[type=submit]');
    await page.waitForSelector('#login-error:not([hidden])');
    await page.fill('#token', token);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/$/);
    await page.waitForFunction(() => document.getElementById('clock-now').textContent.startsWith('20'));
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'dccsim-console');
    assert(session && session.httpOnly && session.sameSite === 'Strict', `cookie ${JSON.stringify(session)}`);
    assert(!(await page.evaluate(() => document.cookie)).includes('dccsim-console'), 'the cookie is readable by script');
    await page.waitForSelector('#users button');
    await shot('overview');
  });

  await check('an exchange sent with curl appears live; opened, a tampered request shows why it failed', async () => {
    await go('journal', 'Journal');
    await page.waitForSelector('#journal-live.live');
    // A request signed by the test supplier, then changed after signing.
    const sent = await control('POST', '/control/console/send', {
      user: SUPPLIER,
      xml: `<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.1"><sr:Header><sr:RequestID>x:90-B3-D5-1F-30-00-00-02:0</sr:RequestID><sr:CommandVariant>8</sr:CommandVariant><sr:ServiceReference>12.1</sr:ServiceReference><sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant></sr:Header><sr:Body><sr:RequestWANMatrix><sr:PartialAddress><sr:PostCode>M22 0RR</sr:PostCode><sr:AddressIdentifier>Threapwood Road</sr:AddressIdentifier></sr:PartialAddress></sr:RequestWANMatrix></sr:Body></sr:Request>`,
    });
    const tampered = sent.request.replace('Threapwood Road', 'Threapwood Lane');
    assert(tampered !== sent.request, 'nothing to tamper with');
    const dir = await mkdtemp(join(tmpdir(), 'dccsim-console-'));
    const file = join(dir, 'tampered.xml');
    await writeFile(file, tampered);
    const before = await page.locator('#journal-table tbody tr').count();
    const { stdout } = await run('curl', ['-sS', '-H', 'Content-Type: application/xml', '--data-binary', `@${file}`, `${duis}/api/v1/serviceD`]);
    await rm(dir, { recursive: true, force: true });
    assert(stdout.includes('<sr:ResponseCode>E1</sr:ResponseCode>'), `curl's answer: ${stdout.slice(0, 300)}`);
    await page.waitForFunction(
      (n) => {
        const rows = document.querySelectorAll('#journal-table tbody tr');
        return rows.length > n + 1 && rows[0].textContent.includes('REFUSED_AUTHENTICATION');
      },
      before,
    );
    const row = page.locator('#journal-table tbody tr').first();
    assert((await row.textContent()).includes('REFUSED_AUTHENTICATION'), `newest row: ${await row.textContent()}`);
    // Filters narrow the list to it.
    await page.selectOption('#filter-verdict', 'REFUSED_AUTHENTICATION');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#journal-table tbody tr')).every((r) => r.textContent.includes('REFUSED_AUTHENTICATION')),
    );
    await row.locator('button').click();
    await page.waitForSelector('#signature-steps');
    const reason = await page.textContent('#detail-reason');
    assert(reason.includes('does not match its signed digest'), `reason: ${reason}`);
    const failed = page.locator('#signature-steps li.failed');
    assert((await failed.count()) === 1, 'one failed step');
    assert((await failed.getAttribute('data-step')) === 'digest', `failed at ${await failed.getAttribute('data-step')}`);
    assert((await page.locator('#signature-steps li.passed[data-step=certificate]').count()) === 1, 'certificate step passed');
    const request = await page.textContent('#detail-request');
    assert(request.includes('\n  <sr:Header>') && request.includes('Threapwood Lane'), 'the request pretty-printed');
    await page.click('#copy-curl');
    const curl = await page.inputValue('#curl-text');
    assert(curl.startsWith('curl ') && curl.includes('/api/v1/serviceD'), `curl: ${curl.slice(0, 80)}`);
    await page.selectOption('#filter-verdict', '');
    await shot('journal');
  });

  await check('send an SR from the form: signed as the User, answered I0', async () => {
    const a = await sendFromForm();
    assert(a.code.trim() === 'I0', `code ${a.code}`);
    await shot('send');
  });

  await check("jump the clock across go-live and see MP106's meaning change", async () => {
    await go('overview', 'Overview');
    await page.click('#jump-before');
    await page.waitForFunction(() => document.getElementById('release-baseline')?.textContent === 'PRE_JUNE_2021');
    assert((await page.textContent('[data-mod=MP106]')) === 'not yet', 'MP106 before go-live');
    const before = await sendFromForm();
    assert(before.meaning.includes('means UNSPECIFIED under PRE_JUNE_2021'), `before: ${before.meaning}`);
    await go('overview', 'Overview');
    await page.click('#jump-after');
    await page.waitForFunction(() => document.getElementById('release-baseline')?.textContent === 'JUNE_2021');
    assert((await page.textContent('[data-mod=MP106]')) === 'in force', 'MP106 after go-live');
    await shot('overview-after-go-live');
    const after = await sendFromForm();
    assert(after.meaning.includes('means UNKNOWN under JUNE_2021'), `after: ${after.meaning}`);
    // The side-by-side view, and the clock put back.
    const clock = await control('GET', '/control/clock');
    await page.click('#mp106-run');
    await page.waitForSelector('#mp106-after-meaning');
    assert((await page.textContent('#mp106-before-meaning')).includes('UNSPECIFIED'), 'side by side: before');
    assert((await page.textContent('#mp106-after-meaning')).includes('UNKNOWN'), 'side by side: after');
    const back = await control('GET', '/control/clock');
    assert(Math.abs(Date.parse(back.now) - Date.parse(clock.now)) < 60000, `clock back: ${back.now} vs ${clock.now}`);
    await page.evaluate(() => document.getElementById('mp106-heading').scrollIntoView());
    await shot('mp106', true);
  });

  await check('devices: the inventory around a premises', async () => {
    await go('devices', 'Devices');
    await page.waitForSelector('#devices-list tbody tr');
    assert((await page.locator('#devices-list tbody tr').count()) >= 6, 'a premises has six devices');
    await shot('devices');
  });

  await check('SMKI: publish and download an extract; the calendar and certificates', async () => {
    await go('smki', 'SMKI');
    await page.waitForSelector('#certs-list tbody tr');
    await page.click('#publish-full');
    await page.waitForSelector('#extracts-list a.extract-download');
    await page.click('#publish-delta');
    await page.waitForFunction(() => document.querySelectorAll('#extracts-list a.extract-download').length >= 2);
    // A day later by the simulated clock, the scheduled delta of 01:00 London is published too.
    await page.click('#advance-day');
    await page.waitForFunction(() => document.querySelectorAll('#extracts-list a.extract-download').length >= 3, null, { timeout: 15000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#extracts-list a.extract-download').last().click(),
    ]);
    const saved = join(artefacts, download.suggestedFilename());
    await download.saveAs(saved);
    assert(/^smki-extract-\d+-FULL-.*\.smkx$/.test(download.suggestedFilename()), download.suggestedFilename());
    assert((await stat(saved)).size > 100, 'the extract has content');
    assert((await page.locator('#extracts-chart svg rect.bar').count()) >= 3, 'a bar per extract');
    assert((await page.textContent('#extracts-list')).includes('2021-06-24'), 'the scheduled delta is planned for the 24th');
    await shot('smki');
  });

  await check('charges: May and July invoices side by side (MP144, MP153)', async () => {
    await go('charges', 'Charges');
    await page.click('#charges-form button[type=submit]');
    await page.waitForSelector('#charges-july table');
    const may = await page.textContent('#charges-may');
    const july = await page.textContent('#charges-july');
    assert(may.includes('separate CH finance invoice'), 'May: CH finance on its own invoice');
    assert(!july.includes('separate CH finance invoice'), 'July: CH finance on the ordinary invoice');
    assert(july.includes('MP144 in force'), 'July: the assessed Other User pays');
    await shot('charges');
  });

  await check('metrics: latency histogram and throughput', async () => {
    await go('metrics', 'Metrics');
    await page.waitForSelector('#metrics-latency svg rect.bar', { state: 'attached' });
    await page.waitForSelector('#metrics-throughput svg rect.bar', { state: 'attached' });
    const tallest = await page.evaluate(() =>
      Math.max(...Array.from(document.querySelectorAll('#metrics-latency rect.bar')).map((r) => Number(r.getAttribute('height')))),
    );
    assert(tallest > 0, 'the histogram counts exchanges');
    await shot('metrics');
  });

  await check('accessibility: every input labelled, keyboard focus reachable and visible, contrast', async () => {
    for (const hash of ['overview', 'journal', 'send', 'devices', 'smki', 'charges', 'metrics']) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      await page.waitForSelector(`#page-${hash}:not([hidden])`);
      const unlabelled = await page.evaluate(() =>
        Array.from(document.querySelectorAll('input, select, textarea'))
          .filter((e) => e.offsetParent !== null && e.type !== 'hidden')
          .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
          .map((e) => e.id || e.outerHTML.slice(0, 60)),
      );
      assert(unlabelled.length === 0, `${hash}: unlabelled ${unlabelled.join(', ')}`);
      const unnamed = await page.evaluate(() =>
        Array.from(document.querySelectorAll('button, a'))
          .filter((e) => e.offsetParent !== null && !e.textContent.trim() && !e.getAttribute('aria-label'))
          .map((e) => e.outerHTML.slice(0, 60)),
      );
      assert(unnamed.length === 0, `${hash}: unnamed controls ${unnamed.join(', ')}`);
    }
    // The keyboard alone reaches the skip link, every page of the navigation and the forms.
    await page.evaluate(() => {
      window.location.hash = 'send';
    });
    await page.waitForSelector('#page-send:not([hidden])');
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.focus('body');
    const reached = new Set();
    const unoutlined = new Set();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement;
        const s = getComputedStyle(e);
        return { id: e.id || e.getAttribute('href') || e.textContent.trim(), outline: s.outlineStyle, body: e === document.body };
      });
      if (f.body) continue;
      reached.add(f.id);
      if (f.outline === 'none') unoutlined.add(f.id);
    }
    for (const want of ['#main', '#overview', '#journal', '#send', '#metrics', 'send-user', 'send-srv', 'send-postcode']) {
      assert(reached.has(want), `Tab does not reach ${want}; reached ${Array.from(reached).join(' ')}`);
    }
    assert(unoutlined.size === 0, `focused without a visible outline: ${Array.from(unoutlined).join(', ')}`);
    // Pressing Enter on a navigation link changes the page.
    await page.focus('nav a[href="#devices"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#page-devices:not([hidden])');
    // The main colours pass WCAG AA for text (4.5:1).
    const pairs = await page.evaluate(() => {
      const c = (sel, bgSel) => {
        const e = document.querySelector(sel);
        const b = document.querySelector(bgSel || sel);
        let bg = getComputedStyle(b).backgroundColor;
        for (let n = b; bg === 'rgba(0, 0, 0, 0)' && n.parentElement; n = n.parentElement) bg = getComputedStyle(n.parentElement).backgroundColor;
        return { sel, fg: getComputedStyle(e).color, bg };
      };
      return [
        c('main p'),
        c('header nav a:not([aria-current])', 'header'),
        c('header nav a[aria-current]'),
        c('main button'),
        c('.help'),
        c('th'),
        c('#status', '#status'),
      ];
    });
    pairs.push(...(await page.evaluate(() => {
      const probe = (cls) => {
        const s = document.createElement('span');
        s.className = cls;
        s.textContent = 'x';
        document.getElementById('main').append(s);
        const r = { sel: cls, fg: getComputedStyle(s).color, bg: getComputedStyle(s).backgroundColor };
        s.remove();
        return r;
      };
      return [probe('verdict ok'), probe('verdict bad'), probe('verdict warn'), probe('badge live'), probe('badge')];
    })));
    for (const p of pairs) {
      const ratio = contrast(p.fg, p.bg);
      assert(ratio >= 4.5, `${p.sel}: ${p.fg} on ${p.bg} is ${ratio.toFixed(2)}:1`);
    }
  });

  await check('no Content Security Policy violation and no script error in any page', async () => {
    assert(cspViolations.length === 0, cspViolations.join('\n'));
  });

  await check('log out: the session ends', async () => {
    await page.click('.logout button');
    await page.waitForURL(/\/console\/login/);
    const r = await page.evaluate(async () => (await fetch('/control/clock')).status);
    assert(r === 401, `after logout: ${r}`);
  });
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} of ${results.length} browser checks passed`);
process.exit(failed === 0 ? 0 : 1);
