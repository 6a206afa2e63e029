// The journal, live from the server-sent event stream: filters, a bounded list, one exchange opened.
import { api, attempt, announce, el, fill, prettyXml, when } from './util.js';

/** The most exchanges the page keeps; older ones drop off. */
export const MAX_KEPT = 500;

/** The exchanges received, oldest first. */
export const entries = [];

const listeners = [];
let skipped = 0;

/** Calls back for every exchange received (the metrics page listens). */
export function onExchange(listener) {
  listeners.push(listener);
}

export function startJournal() {
  const source = new EventSource('/control/journal/stream?backlog=200');
  const badge = document.getElementById('journal-live');
  source.addEventListener('open', () => {
    badge.textContent = 'live';
    badge.className = 'badge live';
  });
  source.addEventListener('error', () => {
    badge.textContent = 'reconnecting';
    badge.className = 'badge';
  });
  source.addEventListener('exchange', (event) => {
    const x = JSON.parse(event.data);
    if (entries.length > 0 && entries.some((e) => e.sequence === x.sequence)) return;
    entries.push(x);
    if (entries.length > MAX_KEPT) entries.splice(0, entries.length - MAX_KEPT);
    listeners.forEach((l) => l(x));
    if (!document.getElementById('page-journal').hidden) renderSoon();
  });
  source.addEventListener('gap', (event) => {
    skipped += JSON.parse(event.data).skipped;
  });
  document.getElementById('journal-filters').addEventListener('input', render);
  document.getElementById('journal-filters').addEventListener('submit', (e) => e.preventDefault());
  document.getElementById('journal-clear').addEventListener('click', () =>
    attempt(async () => {
      await api('DELETE', '/control/journal');
      entries.length = 0;
      render();
      announce('Journal cleared');
    }),
  );
}

let pending = false;

/** One render per frame however many exchanges arrive in it. */
function renderSoon() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    render();
  });
}

export function showJournal() {
  render();
}

function matches(x) {
  const verdict = document.getElementById('filter-verdict').value;
  const sr = document.getElementById('filter-sr').value.trim();
  const originator = document.getElementById('filter-originator').value.trim().toUpperCase();
  const code = document.getElementById('filter-code').value.trim().toUpperCase();
  return (
    (!verdict || x.verdict === verdict) &&
    (!sr || x.sr === sr || x.srVariant === sr) &&
    (!originator || (x.originator || '').includes(originator)) &&
    (!code || (x.responseCode || '').toUpperCase() === code)
  );
}

function verdictClass(v) {
  if (v === 'ANSWERED') return 'ok';
  if (v === 'INTERVENED' || v === 'NOT_SIMULATED') return 'warn';
  return 'bad';
}

function render() {
  const shown = entries.filter(matches).slice(-200).reverse();
  fill(
    'journal-count',
    `${shown.length} shown of ${entries.length} kept (at most ${MAX_KEPT})` +
      (skipped ? `; ${skipped} not received (the stream skipped them)` : ''),
  );
  const rows = shown.map((x) =>
    el(
      'tr',
      { 'data-sequence': x.sequence },
      el(
        'td',
        {},
        el(
          'button',
          {
            type: 'button',
            class: 'link',
            'aria-label': `Open exchange ${x.sequence}`,
            onclick: () => attempt(() => open(x.sequence)),
          },
          `#${x.sequence}`,
        ),
      ),
      el('td', {}, when(x.receivedAt)),
      el('td', {}, x.srVariant || x.sr || ''),
      el('td', {}, el('code', {}, x.originator || '')),
      el('td', {}, el('span', { class: `verdict ${verdictClass(x.verdict)}` }, x.verdict)),
      el('td', {}, x.responseCode || ''),
      el('td', {}, String(x.httpStatus)),
      el('td', { class: 'num' }, `${x.elapsedMillis.toFixed(1)} ms`),
    ),
  );
  fill(
    'journal-table',
    el(
      'table',
      { class: 'journal' },
      el('caption', { text: 'Exchanges, newest first' }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['#', 'received', 'SRV', 'originator', 'verdict', 'code', 'HTTP', 'latency'].map((h) =>
            el('th', { scope: 'col', text: h }),
          ),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
}

async function open(sequence) {
  const x = await api('GET', `/control/journal/exchanges/${sequence}`);
  const steps = (x.signatureCheck || []).map((s) =>
    el(
      'li',
      { class: `step ${s.outcome.toLowerCase()}`, 'data-step': s.id },
      el('span', { class: 'outcome' }, s.outcome.replace('_', ' ').toLowerCase()),
      ' ',
      el('strong', {}, s.title),
      s.detail ? el('div', { class: 'step-detail' }, s.detail) : null,
    ),
  );
  const curl = el('textarea', { id: 'curl-text', rows: 3, readonly: true, 'aria-label': 'curl command' }, x.curl);
  const detail = fill(
    'journal-detail',
    el('h2', {}, `Exchange #${x.sequence}`),
    el(
      'dl',
      { class: 'facts' },
      el('dt', {}, 'verdict'),
      el('dd', { id: 'detail-verdict' }, x.verdict),
      el('dt', {}, 'reason'),
      el('dd', { id: 'detail-reason' }, x.reason),
      el('dt', {}, 'HTTP status'),
      el('dd', {}, String(x.httpStatus)),
      el('dt', {}, 'response code'),
      el('dd', {}, x.responseCode || '(none)'),
      el('dt', {}, 'RequestID'),
      el('dd', {}, el('code', {}, x.requestId || '(not read)')),
      el('dt', {}, 'path'),
      el('dd', {}, el('code', {}, x.path)),
      el('dt', {}, 'latency'),
      el('dd', {}, `${x.elapsedMillis.toFixed(1)} ms`),
    ),
    el('h3', {}, 'Signature check, step by step'),
    steps.length
      ? el('ol', { class: 'steps', id: 'signature-steps' }, steps)
      : el('p', {}, 'Not checked (no request body, or no SMKI repository here).'),
    el('p', { class: 'help' }, 'Checked again now, against the repository as it is now; the reason above is what the simulator decided when the request arrived.'),
    el('h3', {}, 'Request'),
    el('pre', { class: 'xml', id: 'detail-request', tabindex: 0 }, prettyXml(x.requestBody)),
    el('h3', {}, 'Answer'),
    el('pre', { class: 'xml', id: 'detail-response', tabindex: 0 }, prettyXml(x.responseBody)),
    el('h3', {}, 'Send it again'),
    curl,
    el(
      'button',
      {
        type: 'button',
        id: 'copy-curl',
        onclick: () =>
          attempt(async () => {
            curl.select();
            try {
              await navigator.clipboard.writeText(x.curl);
              announce('curl command copied');
            } catch {
              announce('Selected: copy it with Ctrl+C');
            }
          }),
      },
      'Copy as curl',
    ),
  );
  detail.focus();
}
