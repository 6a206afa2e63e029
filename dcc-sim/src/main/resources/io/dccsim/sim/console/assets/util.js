// Small helpers shared by the console's pages: the control API, the DOM, XML, charts.

/** Calls the control API with the session cookie; a 401 sends the browser to the login page. */
export async function api(method, path, body) {
  const options = {
    method,
    credentials: 'same-origin',
    headers: { 'X-Dccsim-Console': '1', Accept: 'application/json' },
  };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401) {
    window.location.assign('/console/login');
    throw new Error('not logged in');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { text };
  }
  if (!response.ok) {
    const detail = data && data.detail ? data.detail : response.statusText;
    throw new Error(`${method} ${path}: ${response.status} ${detail}`);
  }
  return data;
}

/** An element with attributes (class, text, on* handlers, others as attributes) and children. */
export function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Replaces the children of the element with this id. */
export function fill(id, ...children) {
  const target = document.getElementById(id);
  target.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
  return target;
}

/** Tells assistive technology (and the reader) what just happened. */
export function announce(message, isError = false) {
  const s = document.getElementById('status');
  s.textContent = message;
  s.classList.toggle('error', isError);
}

/** Runs an action from a button, reporting a failure instead of throwing it away. */
export async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    announce(e.message, true);
    return undefined;
  }
}

/** A table with a caption, header cells and rows of cells (strings or nodes). */
export function table(caption, headers, rows, className = '') {
  return el(
    'table',
    { class: className },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))),
  );
}

/** XML indented for reading (comments and text kept; nothing is evaluated). */
export function prettyXml(text) {
  if (!text) return '';
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return text;
  const out = [];
  const walk = (node, depth) => {
    const pad = '  '.repeat(depth);
    if (node.nodeType === Node.ELEMENT_NODE) {
      const attrs = Array.from(node.attributes)
        .map((a) => ` ${a.name}="${escapeXml(a.value)}"`)
        .join('');
      const kids = Array.from(node.childNodes).filter(
        (c) => !(c.nodeType === Node.TEXT_NODE && c.nodeValue.trim() === ''),
      );
      if (kids.length === 0) {
        out.push(`${pad}<${node.nodeName}${attrs}/>`);
      } else if (kids.length === 1 && kids[0].nodeType === Node.TEXT_NODE) {
        out.push(`${pad}<${node.nodeName}${attrs}>${escapeXml(kids[0].nodeValue)}</${node.nodeName}>`);
      } else {
        out.push(`${pad}<${node.nodeName}${attrs}>`);
        kids.forEach((c) => walk(c, depth + 1));
        out.push(`${pad}</${node.nodeName}>`);
      }
    } else if (node.nodeType === Node.TEXT_NODE) {
      out.push(pad + escapeXml(node.nodeValue.trim()));
    } else if (node.nodeType === Node.COMMENT_NODE) {
      out.push(`${pad}<!--${node.nodeValue}-->`);
    }
  };
  walk(doc.documentElement, 0);
  return out.join('\n');
}

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** A downloadable file made in the page (a test User's PEMs, an invoice run). */
export function download(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A bar chart as SVG: bars {label, value, kind}, a title for screen readers, values written on
 * the bars so that nothing depends on colour alone.
 */
export function barChart(title, bars, unit = '') {
  const width = Math.max(320, bars.length * 46 + 60);
  const height = 220;
  const top = 20;
  const bottom = 40;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': title,
    class: 'chart',
  });
  chart.append(svg('title', {}, title));
  const step = (width - 50) / Math.max(1, bars.length);
  bars.forEach((b, i) => {
    const h = ((height - top - bottom) * b.value) / max;
    const x = 40 + i * step;
    const y = height - bottom - h;
    chart.append(
      svg('rect', {
        x: x + 4,
        y,
        width: Math.max(4, step - 8),
        height: Math.max(0, h),
        class: `bar ${b.kind || ''}`,
      }),
    );
    chart.append(svg('text', { x: x + step / 2, y: y - 4, class: 'value' }, `${b.value}${unit}`));
    chart.append(svg('text', { x: x + step / 2, y: height - bottom + 14, class: 'label' }, b.label));
    if (b.sublabel) {
      chart.append(
        svg('text', { x: x + step / 2, y: height - bottom + 28, class: 'label' }, b.sublabel),
      );
    }
  });
  chart.append(
    svg('line', { x1: 40, y1: height - bottom, x2: width - 10, y2: height - bottom, class: 'axis' }),
  );
  return chart;
}

/** An instant as "2021-06-24 09:00:00Z". */
export function when(instant) {
  return instant ? instant.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}
