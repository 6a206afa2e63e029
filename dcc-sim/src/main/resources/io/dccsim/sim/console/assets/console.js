// The console's shell: shows one page at a time by the address's #fragment, and the overview.
import { api, attempt, announce, el, fill, table, when, download } from './util.js';
import { startJournal, showJournal } from './journal.js';
import { showSend, initSend } from './send.js';
import { showDevices, showSmki, showCharges, showMetrics, initPages } from './pages.js';

const pages = {
  overview: showOverview,
  journal: showJournal,
  send: showSend,
  devices: showDevices,
  smki: showSmki,
  charges: showCharges,
  metrics: showMetrics,
};

let clockTimer = null;

function route() {
  const name = (window.location.hash || '#overview').slice(1);
  const page = pages[name] ? name : 'overview';
  document.querySelectorAll('[data-page]').forEach((s) => {
    s.hidden = s.dataset.page !== page;
  });
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === `#${page}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  document.title = `${document.getElementById(`h-${page}`).textContent.trim()}: dccsim console`;
  clearInterval(clockTimer);
  attempt(() => pages[page]());
}

async function showOverview() {
  await refreshClock();
  clockTimer = setInterval(() => attempt(refreshClock), 1000);
  const [release, endpoints, users] = await Promise.all([
    api('GET', '/control/release'),
    api('GET', '/control/endpoints'),
    api('GET', '/control/users'),
  ]);
  showRelease(release);
  const links = Object.entries(endpoints.endpoints).map(([name, url]) => [
    name,
    name === 'orgCrypto' || name === 'crl' || name === 'arl'
      ? el('a', { href: url, download: '' }, url)
      : el('code', {}, url),
  ]);
  links.push(['control API', el('code', {}, `${window.location.origin}/control/`)]);
  links.push(['OpenAPI', el('a', { href: '/openapi.json' }, `${window.location.origin}/openapi.json`)]);
  fill('endpoints', table('Where the simulator listens', ['endpoint', 'URL'], links));
  fill(
    'users',
    table(
      'Users registered',
      ['User ID', 'role', 'credentials'],
      users.users.map((u) => [
        el('code', {}, u.eui),
        `${u.name} (${u.abbreviation})`,
        u.credentials
          ? el(
              'button',
              {
                type: 'button',
                class: 'small',
                'aria-label': `Download the test key and certificate of ${u.eui}`,
                onclick: () => attempt(() => downloadCredentials(u.eui)),
              },
              'Download PEM',
            )
          : 'its own key',
      ]),
    ),
  );
}

async function downloadCredentials(eui) {
  const c = await api('GET', `/control/users/${encodeURIComponent(eui)}/credentials`);
  download(`user-${eui}-xmlsign.pem`, `${c.certificatePem}${c.privateKeyPem}`, 'application/x-pem-file');
  announce(`Downloaded the test credentials of ${eui}`);
}

async function refreshClock() {
  const [clock, baseline] = await Promise.all([
    api('GET', '/control/clock'),
    api('GET', '/control/baseline'),
  ]);
  document.getElementById('clock-now').textContent = when(clock.now);
  document.getElementById('clock-rate').textContent = `${clock.rate}x`;
  document.getElementById('baseline-current').textContent = baseline.current;
  document.getElementById('baseline-policy').textContent = baseline.pinned
    ? `pinned (policy ${baseline.policy})`
    : `by the simulated date (policy ${baseline.policy})`;
}

function showRelease(release) {
  fill(
    'modifications',
    el('p', {}, `In force at ${when(release.at)}: baseline `, el('strong', { id: 'release-baseline' }, release.baseline)),
    table(
      'The five modifications of the June 2021 release',
      ['modification', 'in force', 'what applies now'],
      release.modifications.map((m) => [
        el('span', {}, el('strong', {}, m.id), ` ${m.title}`),
        el('span', { class: m.inForce ? 'yes' : 'no', 'data-mod': m.id }, m.inForce ? 'in force' : 'not yet'),
        m.inForce ? m.after : m.before,
      ]),
      'modifications',
    ),
  );
}

async function jump(now) {
  await api('PUT', '/control/clock', { now });
  await refreshClock();
  showRelease(await api('GET', '/control/release'));
  announce(`Clock set to ${when(now)}`);
}

function init() {
  document.getElementById('jump-before').addEventListener('click', () =>
    attempt(() => jump('2021-06-23T22:59:00Z')),
  );
  document.getElementById('jump-after').addEventListener('click', () =>
    attempt(() => jump('2021-06-23T23:00:01Z')),
  );
  document.getElementById('rate-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const rate = Number(document.getElementById('rate-input').value);
    attempt(async () => {
      await api('POST', '/control/clock/rate', { rate });
      await refreshClock();
      announce(`Clock rate set to ${rate}`);
    });
  });
  initSend();
  initPages();
  startJournal();
  window.addEventListener('hashchange', route);
  route();
}

init();
