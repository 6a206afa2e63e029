// Devices, SMKI, Charges and Metrics.
import { api, attempt, announce, el, fill, table, barChart, when } from './util.js';
import { entries, onExchange } from './journal.js';

const EXAMPLE_DEVICE = 'DE-DC-C5-01-00-00-00-00';

export function initPages() {
  document.getElementById('devices-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(() => findDevices(document.getElementById('devices-by').value, document.getElementById('devices-value').value.trim()));
  });
  document.getElementById('publish-full').addEventListener('click', () => attempt(() => publish('FULL')));
  document.getElementById('publish-delta').addEventListener('click', () => attempt(() => publish('DELTA')));
  document.getElementById('advance-day').addEventListener('click', () => attempt(() => advance('P1D')));
  document.getElementById('advance-week').addEventListener('click', () => attempt(() => advance('P7D')));
  document.getElementById('revoke-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(revoke);
  });
  document.getElementById('certs-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(listCertificates);
  });
  document.getElementById('charges-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(bill);
  });
  document.getElementById('metrics-refresh').addEventListener('click', () => attempt(showMetrics));
  let waiting = false;
  onExchange(() => {
    if (waiting || document.getElementById('page-metrics').hidden) return;
    waiting = true;
    setTimeout(() => {
      waiting = false;
      drawMetrics(latest);
    }, 500);
  });
}

// Devices

export async function showDevices() {
  const count = await api('GET', '/control/devices');
  fill('devices-count', `The inventory holds ${count.count} devices. Find them by postcode, UPRN, MPxN or device ID.`);
  if (!document.getElementById('devices-value').value) {
    try {
      const d = await api('GET', `/control/devices/${EXAMPLE_DEVICE}`);
      if (d.postcode) {
        document.getElementById('devices-value').value = d.postcode;
        await findDevices('postcode', d.postcode);
      }
    } catch {
      // no example device in this estate: the search waits for the reader
    }
  }
}

async function findDevices(by, value) {
  if (!value) {
    announce('Give a value to find devices by', true);
    return;
  }
  let devices;
  let note = '';
  if (by === 'eui') {
    devices = [await api('GET', `/control/devices/${encodeURIComponent(value)}`)];
  } else {
    const r = await api('GET', `/control/devices?${by}=${encodeURIComponent(value)}`);
    devices = r.devices;
    note = r.truncated ? ` (the first ${devices.length} of ${r.count})` : '';
  }
  fill(
    'devices-list',
    table(
      `${devices.length} devices with ${by} ${value}${note}`,
      ['device ID', 'type', 'status', 'manufacturer and model', 'firmware', 'SMETS/CHTS', 'premises', 'CSP region', 'supplier'],
      devices.map((d) => [
        el('code', {}, d.eui),
        d.type,
        d.status,
        `${d.manufacturer} ${d.model}`,
        `${d.firmware_version} (${d.firmware_status})`,
        d.smets_chts_version,
        d.postcode ? `${d.address_identifier || ''}, ${d.postcode}${d.uprn ? ` (UPRN ${d.uprn})` : ''}` : 'pre-notified',
        d.csp_region || '',
        d.supplier ? el('code', {}, d.supplier) : '',
      ]),
    ),
  );
}

// SMKI

export async function showSmki() {
  await Promise.all([showExtracts(), showRevocation(), listCertificates()]);
}

async function showExtracts() {
  const c = await api('GET', '/control/smki/extracts');
  fill(
    'extracts-regime',
    el('span', {}, 'Regime in force: ', el('strong', { id: 'extracts-regime-now' }, c.regime), ` (schedule: ${c.schedule}). `),
    c.next ? `Next: ${c.next.kind} at ${when(c.next.at)}. ` : '',
    `Published: ${c.published}. Simulated time ${when(c.now)}.`,
  );
  const shown = c.extracts.slice(0, 30).reverse();
  fill(
    'extracts-chart',
    shown.length
      ? barChart(
          'Extract sizes in bytes, oldest to newest (full extracts dark, deltas light)',
          shown.map((x) => ({
            label: `${x.kind === 'FULL' ? 'F' : 'D'}${x.number}`,
            sublabel: x.cutOff.slice(5, 10),
            value: x.bytes || 0,
            kind: x.kind.toLowerCase(),
          })),
        )
      : el('p', {}, 'No extract published yet.'),
  );
  fill(
    'extracts-list',
    table(
      'Published extracts, newest first',
      ['number', 'kind', 'cut-off', 'planned for', 'entries', 'bytes', 'download'],
      c.extracts.map((x) => [
        String(x.number),
        x.kind,
        when(x.cutOff),
        x.scheduledFor ? when(x.scheduledFor) : 'on request',
        String(x.entryCount),
        x.bytes === null ? 'removed' : String(x.bytes),
        x.url ? el('a', { href: x.url, download: x.name, class: 'extract-download' }, x.name) : '',
      ]),
    ),
  );
}

async function publish(kind) {
  const m = await api('POST', `/control/smki/extracts?kind=${kind}`);
  announce(`Published ${m.kind} extract ${m.name}`);
  await showExtracts();
}

async function advance(by) {
  const c = await api('POST', '/control/clock/advance', { by });
  announce(`Clock advanced ${by} to ${when(c.now)}; the calendar catches up within a second`);
  await new Promise((r) => setTimeout(r, 1500));
  await showExtracts();
}

async function showRevocation() {
  const r = await api('GET', '/control/smki/revocation-lists');
  fill(
    'revocation-lists',
    `CRL number ${r.crlNumber}, ARL number ${r.arlNumber}. `,
    r.crl ? el('a', { href: r.crl, download: 'oca.crl' }, 'Download the CRL') : '',
    ' ',
    r.arl ? el('a', { href: r.arl, download: 'root.arl' }, 'Download the ARL') : '',
  );
}

async function revoke() {
  const serial = document.getElementById('revoke-serial').value.trim();
  const reason = document.getElementById('revoke-reason').value;
  const r = await api('POST', '/control/smki/revocations', { serial, reason });
  announce(`Certificate ${r.serial} is now ${r.status} (${r.reason})`);
  await Promise.all([listCertificates(), showRevocation()]);
}

async function listCertificates() {
  const status = document.getElementById('certs-status').value;
  const r = await api('GET', `/control/smki/certificates?limit=200${status ? `&status=${status}` : ''}`);
  const counts = Object.entries(r.byStatus)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  fill(
    'certs-list',
    table(
      `${r.certificates.length} of ${r.count} certificates (${counts})`,
      ['serial', 'kind', 'role', 'subject', 'status', 'since', 'issuer'],
      r.certificates.map((c) => [
        el('code', {}, c.serial),
        c.kind,
        c.role || c.usage,
        c.subject ? el('code', {}, c.subject) : '',
        el('span', { class: c.status === 'REVOKED' ? 'no' : '' }, c.status),
        when(c.statusChangedAt),
        c.issuer,
      ]),
    ),
  );
}

// Charges

const SHEET = {
  period: '2021-07',
  parties: [
    { id: 'SUPA', name: 'Alpha Energy', roles: ['IMPORT_SUPPLIER'], allocationWeight: 6 },
    { id: 'SUPB', name: 'Beta Gas', roles: ['GAS_SUPPLIER'], allocationWeight: 3 },
    { id: 'DNO1', name: 'Northern Wires', roles: ['ELECTRICITY_DISTRIBUTOR'], allocationWeight: 1 },
    { id: 'OU1', name: 'Insight Analytics', roles: ['OTHER_USER'], allocationWeight: 0 },
  ],
  items: [
    { type: 'FIXED_CHARGE', id: 'FIX-SUPA', party: 'SUPA', amount: '12000.00' },
    { type: 'FIXED_CHARGE', id: 'FIX-SUPB', party: 'SUPB', amount: '6000.00' },
    { type: 'PRIVACY_ASSESSMENT', id: 'RSPA-7', assessedParty: 'OU1', amount: '3000.01', date: '2021-07-20', panelRequested: false },
    { type: 'CH_FINANCE_CHARGE', id: 'CHF-SUPA', party: 'SUPA', amount: '250.50', date: '2021-07-28', separateInvoiceRequired: false },
  ],
};

export function showCharges() {
  const area = document.getElementById('charges-sheet');
  if (!area.value) area.value = JSON.stringify(SHEET, null, 2);
}

function forMonth(sheet, month) {
  const s = JSON.parse(JSON.stringify(sheet));
  s.period = month;
  delete s.baseline; // billed by the date of each item
  for (const i of s.items) {
    if (i.date) i.date = `${month}${i.date.slice(7)}`;
  }
  return s;
}

async function bill() {
  let sheet;
  try {
    sheet = JSON.parse(document.getElementById('charges-sheet').value);
  } catch (e) {
    announce(`The charge sheet is not JSON: ${e.message}`, true);
    return;
  }
  const [may, july] = await Promise.all([
    api('POST', '/control/invoices', { ...forMonth(sheet, '2021-05'), baseline: 'by-date' }),
    api('POST', '/control/invoices', { ...forMonth(sheet, '2021-07'), baseline: 'by-date' }),
  ]);
  const column = (title, run, id) =>
    el(
      'div',
      { class: 'card', id },
      el('h2', {}, title),
      el('p', {}, `Policy ${run.policy}; charged ${run.totalCharged}, invoiced ${run.totalInvoiced}${run.reconciled ? ', reconciled' : ''}.`),
      run.invoices.map((inv) =>
        table(
          `${inv.number}: ${inv.party.name}, ${inv.kind === 'CH_FINANCE' ? 'separate CH finance invoice' : 'ordinary invoice'}, total ${inv.total}`,
          ['item', 'category', 'basis', 'amount'],
          inv.lines.map((l) => [l.item, l.category, l.basis, el('span', { class: 'num' }, String(l.amount))]),
          'invoice',
        ),
      ),
    );
  fill('charges', column('May 2021 (before go-live)', may, 'charges-may'), column('July 2021 (after go-live)', july, 'charges-july'));
  announce('Billed May and July');
}

// Metrics

let latest = [];

export async function showMetrics() {
  const j = await api('GET', '/control/journal?limit=1000');
  latest = j.exchanges;
  drawMetrics(latest, j.statistics);
}

const BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, Infinity];

function drawMetrics(listed, statistics) {
  const seen = new Map(listed.map((x) => [x.sequence, x]));
  entries.forEach((x) => seen.set(x.sequence, x));
  const all = Array.from(seen.values()).sort((a, b) => a.sequence - b.sequence);
  const counts = BUCKETS.map(() => 0);
  all.forEach((x) => {
    counts[BUCKETS.findIndex((b) => x.elapsedMillis < b)] += 1;
  });
  const sorted = all.map((x) => x.elapsedMillis).sort((a, b) => a - b);
  const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2) : '-');
  const verdicts = {};
  all.forEach((x) => {
    verdicts[x.verdict] = (verdicts[x.verdict] || 0) + 1;
  });
  fill(
    'metrics-summary',
    table(
      'Exchanges counted',
      ['exchanges', 'p50 latency', 'p90', 'p99', 'verdicts', 'journal'],
      [[
        String(all.length),
        `${pct(0.5)} ms`,
        `${pct(0.9)} ms`,
        `${pct(0.99)} ms`,
        Object.entries(verdicts).map(([v, n]) => `${v} ${n}`).join(', '),
        statistics ? `${statistics.retained} kept of ${statistics.recorded} recorded (capacity ${statistics.capacity})` : '',
      ]],
    ),
  );
  let lower = 0;
  fill(
    'metrics-latency',
    barChart(
      'Latency histogram: exchanges by milliseconds from arrival to answer',
      BUCKETS.map((b, i) => {
        const label = b === Infinity ? `≥${lower}` : `<${b}`;
        lower = b;
        return { label, sublabel: 'ms', value: counts[i] };
      }),
    ),
  );
  const perMinute = new Map();
  all.forEach((x) => {
    const minute = x.receivedAt.slice(0, 16);
    perMinute.set(minute, (perMinute.get(minute) || 0) + 1);
  });
  const minutes = Array.from(perMinute.entries()).sort().slice(-24);
  fill(
    'metrics-throughput',
    minutes.length
      ? barChart(
          'Throughput: exchanges per simulated minute',
          minutes.map(([m, n]) => ({ label: m.slice(11), sublabel: m.slice(5, 10), value: n })),
        )
      : el('p', {}, 'No exchange yet.'),
  );
}
