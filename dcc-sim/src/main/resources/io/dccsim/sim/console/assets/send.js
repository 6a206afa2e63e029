// Sign a Service Request as a test User and send it; and MP106 before and after go-live.
import { api, attempt, announce, el, fill, prettyXml, when } from './util.js';

const SR = 'http://www.dccinterface.co.uk/ServiceUserGateway';
const DCC = '90-B3-D5-1F-30-00-00-02';
let loaded = false;
let catalogue = [];

/** The SR-specific element for the SRVs the form knows; others are left for the reader to write. */
function body(srv) {
  const v = (id) => escapeText(document.getElementById(id).value.trim());
  switch (srv) {
    case '12.1':
      return `<sr:RequestWANMatrix><sr:PartialAddress><sr:PostCode>${v('send-postcode')}</sr:PostCode><sr:AddressIdentifier>${v('send-address')}</sr:AddressIdentifier></sr:PartialAddress></sr:RequestWANMatrix>`;
    case '8.2':
      return `<sr:ReadInventory><sr:DeviceID>${v('send-device')}</sr:DeviceID></sr:ReadInventory>`;
    case '8.3':
      return `<sr:DecommissionDevice><sr:DeviceID>${v('send-device')}</sr:DeviceID></sr:DecommissionDevice>`;
    default:
      return '<!-- the SR-specific element of this request goes here -->';
  }
}

function escapeText(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function template(srv) {
  const s = catalogue.find((x) => x.srv === srv) || { serviceReference: srv, commandVariants: [1] };
  const variant = s.device ? s.commandVariants[0] : 8;
  const target = document.getElementById('send-target').value.trim() || (s.device ? document.getElementById('send-device').value.trim() : DCC);
  return prettyXml([
    `<sr:Request xmlns:sr="${SR}" schemaVersion="5.1">`,
    '  <sr:Header>',
    `    <sr:RequestID>set-when-sent:${target}:0</sr:RequestID>`,
    `    <sr:CommandVariant>${variant}</sr:CommandVariant>`,
    `    <sr:ServiceReference>${s.serviceReference}</sr:ServiceReference>`,
    `    <sr:ServiceReferenceVariant>${srv}</sr:ServiceReferenceVariant>`,
    '  </sr:Header>',
    `  <sr:Body>${body(srv)}</sr:Body>`,
    '</sr:Request>',
  ].join(''));
}

export function initSend() {
  document.getElementById('send-fill').addEventListener('click', () => {
    document.getElementById('send-xml').value = template(document.getElementById('send-srv').value);
  });
  document.getElementById('send-srv').addEventListener('change', () => {
    document.getElementById('send-xml').value = template(document.getElementById('send-srv').value);
  });
  document.getElementById('send-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(sendFromForm);
  });
  document.getElementById('mp106-run').addEventListener('click', () => attempt(compareMp106));
}

export async function showSend() {
  if (loaded) return;
  const [users, cat] = await Promise.all([api('GET', '/control/users'), api('GET', '/control/catalogue')]);
  catalogue = cat.services;
  const userSelect = document.getElementById('send-user');
  userSelect.replaceChildren(
    ...users.users
      .filter((u) => u.credentials)
      .map((u) => el('option', { value: u.eui }, `${u.eui} (${u.abbreviation})`)),
  );
  const srvSelect = document.getElementById('send-srv');
  srvSelect.replaceChildren(
    ...catalogue.map((s) =>
      el('option', { value: s.srv, selected: s.srv === '12.1' }, `${s.srv} ${s.name}${s.simulated ? '' : ' (not simulated)'}`),
    ),
  );
  document.getElementById('send-xml').value = template('12.1');
  loaded = true;
}

async function send(user, xml, target) {
  return api('POST', '/control/console/send', { user, xml, target: target || null });
}

async function sendFromForm() {
  const user = document.getElementById('send-user').value;
  const xml = document.getElementById('send-xml').value;
  const target = document.getElementById('send-target').value.trim();
  announce('Sending…');
  const a = await send(user, xml, target);
  fill('send-answer', answerView(a, 'send'), el('div', { id: 'send-deliveries' }));
  announce(`Answered: HTTP ${a.status}${a.responseCode ? `, ${a.responseCode}` : ''}`);
  if (a.responseCode === 'I99') await showDeliveries(user, a.requestId);
}

/**
 * What the DCC delivers later for a request acknowledged I99: the device's response, waiting in the
 * outbox or delivered already (then its signed document can be opened).
 */
async function showDeliveries(user, requestId) {
  const d = await api('GET', `/control/deliveries?user=${encodeURIComponent(user)}`);
  const mine = [...d.pending, ...d.dead, ...(d.delivered || [])].filter((x) => x.requestId === requestId);
  fill(
    'send-deliveries',
    el('h3', {}, 'Asynchronous responses for this request'),
    mine.length
      ? el(
          'ul',
          {},
          mine.map((x) =>
            el(
              'li',
              {},
              `${x.kind} ${x.responseCode}: ${deliveryState(x)}${x.lastError ? ` (${x.lastError})` : ''} `,
              el('button', { type: 'button', onclick: () => attempt(() => showDocument(x.seq)) }, `Show message ${x.seq}`),
            ),
          ),
        )
      : el('p', {}, 'None yet: not due (the device answers on the simulated clock).'),
    el('div', { id: 'send-delivery-document' }),
    el('button', { type: 'button', onclick: () => attempt(() => showDeliveries(user, requestId)) }, 'Check again'),
  );
}

function deliveryState(x) {
  if (x.delivered) return `delivered ${when(x.delivered)}`;
  if (x.dead) return `dead letter since ${when(x.dead)}`;
  return `waiting, ${x.attempts} attempts, next ${when(x.nextAttempt)}`;
}

async function showDocument(seq) {
  const d = await api('GET', `/control/deliveries/${encodeURIComponent(seq)}/document`);
  fill(
    'send-delivery-document',
    el('h4', {}, `Message ${seq} as the DCC signed it`),
    el('pre', { class: 'xml', tabindex: 0 }, prettyXml(d.document)),
  );
}

function meaningText(a) {
  if (!a.wanTechnology || a.wanTechnology.length === 0) return '(no WANTechnology in the answer)';
  return a.wanTechnology.map((w) => `"${w.sent}" means ${w.meaning} under ${w.baseline}`).join('; ');
}

function answerView(a, prefix) {
  return el(
    'div',
    { class: 'answer' },
    el(
      'dl',
      { class: 'facts' },
      el('dt', {}, 'simulated time'),
      el('dd', {}, when(a.at)),
      el('dt', {}, 'RequestID'),
      el('dd', {}, el('code', {}, a.requestId)),
      el('dt', {}, 'HTTP status'),
      el('dd', { id: `${prefix}-status` }, String(a.status)),
      el('dt', {}, 'response code'),
      el('dd', { id: `${prefix}-code` }, a.responseCode || '(none)'),
      el('dt', {}, 'journal'),
      el('dd', {}, a.sequence ? el('a', { href: '#journal' }, `exchange #${a.sequence}, ${a.verdict}`) : '(not journalled)'),
      el('dt', {}, 'WANTechnology'),
      el('dd', { id: `${prefix}-meaning` }, meaningText(a)),
    ),
    el('details', {}, el('summary', {}, 'The signed request'), el('pre', { class: 'xml' }, prettyXml(a.request))),
    el('h3', {}, 'The answer'),
    el('pre', { class: 'xml', tabindex: 0 }, prettyXml(a.response)),
  );
}

async function compareMp106() {
  await showSend();
  const clock = await api('GET', '/control/clock');
  const xml = [
    `<sr:Request xmlns:sr="${SR}" schemaVersion="5.1"><sr:Header>`,
    `<sr:RequestID>x:${DCC}:0</sr:RequestID><sr:CommandVariant>8</sr:CommandVariant>`,
    '<sr:ServiceReference>12.1</sr:ServiceReference><sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant>',
    '</sr:Header><sr:Body><sr:RequestWANMatrix><sr:PartialAddress><sr:PostCode>B1 1AB</sr:PostCode>',
    '<sr:AddressIdentifier>3</sr:AddressIdentifier></sr:PartialAddress></sr:RequestWANMatrix></sr:Body></sr:Request>',
  ].join('');
  const supplier = '90-B3-D5-1F-30-01-00-00';
  let before;
  let after;
  try {
    await api('PUT', '/control/clock', { now: '2021-06-01T10:00:00Z' });
    before = await send(supplier, xml);
    await api('PUT', '/control/clock', { now: '2021-07-01T10:00:00Z' });
    after = await send(supplier, xml);
  } finally {
    await api('PUT', '/control/clock', { now: clock.now, rate: clock.rate });
  }
  const column = (title, a, id) =>
    el('div', { class: 'card' }, el('h3', {}, title), answerView(a, id));
  fill('mp106', column('Before go-live (2021-06-01)', before, 'mp106-before'), column('After go-live (2021-07-01)', after, 'mp106-after'));
  announce('MP106 compared; the clock is back where it was');
}
