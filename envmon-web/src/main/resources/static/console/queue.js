// 数据审核: the division's review queue. A QC run is one item; accept or invalidate it with a reason; history per site.
import { api, banner, lang, t } from '/portal/common.js';
import { session, send, fmt, el, parameters, parameterLabel } from '/console/session.js';
import { proposalsSection } from '/console/proposals.js';

/** A datetime-local value (Beijing wall time) as an ISO time with offset. */
function fromInput(v) { return v + ':00+08:00'; }

export async function queueView(root) {
  if (session.user.role === 'maintainer') {
    // 谁考核、谁监测: a maintainer does not decide reviews; its proposals are not in the console yet.
    root.append(el('h2', { 'data-i18n': 'tab-queue' }), el('p', { class: 'muted', id: 'queue-maintainer' }, t('maintainer-no-review')));
    return;
  }
  const now = new Date(Date.now() + 8 * 3600_000);
  now.setUTCMinutes(0, 0, 0);
  // The period: ?from=YYYY-MM-DD&to=YYYY-MM-DD in the console's address (Beijing days), else the last 7 days.
  const asked = new URLSearchParams(location.search);
  const day = v => (/^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v + 'T00:00' : null);
  const to = day(asked.get('to')) || new Date(now.getTime() + 3600_000).toISOString().slice(0, 16);
  const from = day(asked.get('from')) || new Date(now.getTime() - 7 * 86400_000).toISOString().slice(0, 16);
  const fromInputEl = el('input', { type: 'datetime-local', id: 'queue-from', value: from });
  const toInputEl = el('input', { type: 'datetime-local', id: 'queue-to', value: to });
  const cityEl = el('input', { id: 'queue-city', size: 8 });
  const pendingEl = el('input', { type: 'checkbox', id: 'queue-pending' });
  const list = el('div', { id: 'queue-list' });
  const reload = () => load(list, fromInput(fromInputEl.value), fromInput(toInputEl.value), cityEl.value.trim(),
    pendingEl.checked);
  root.append(el('h2', { 'data-i18n': 'tab-queue' }),
    el('div', { class: 'filters' },
      el('label', {}, el('span', { 'data-i18n': 'from' }), fromInputEl),
      el('label', {}, el('span', { 'data-i18n': 'to' }), toInputEl),
      el('label', {}, el('span', { 'data-i18n': 'city-optional' }), cityEl),
      el('label', {}, el('span', { 'data-i18n': 'pending-only' }), pendingEl),
      el('button', { type: 'button', id: 'queue-load', onclick: reload, 'data-i18n': 'load' })),
    list);
  await reload();
  await proposalsSection(root, reload);
}

async function load(list, from, to, city, pendingOnly) {
  const q = new URLSearchParams({ from, to });
  if (city) q.set('city', city);
  const [queue, catalogue] = await Promise.all([api('/api/v1/review-queue?' + q), parameters()]);
  const label = code => parameterLabel(catalogue, code, lang() === 'zh');
  const items = pendingOnly ? queue.items.filter(i => i.state !== 'invalidated' && i.state !== 'accepted') : queue.items;
  const rows = items.map(item => itemRow(item, label, () => load(list, from, to, city, pendingOnly)));
  list.replaceChildren(
    el('p', { class: 'muted' }, `${t('division')}: ${queue.division} · ${t('sites')}: ${queue.sites} · ${t('items')}: ${items.length}`),
    items.length === 0 ? el('p', { id: 'queue-empty', 'data-i18n': 'queue-empty' }, t('queue-empty'))
      : el('table', { class: 'grid', id: 'queue-table' },
        el('thead', {}, el('tr', {}, ...['site', 'parameter', 'qc-code', 'period', 'values', 'evidence', 'state', 'actions']
          .map(k => el('th', { 'data-i18n': k }, t(k))))),
        el('tbody', {}, ...rows)),
    el('h2', { 'data-i18n': 'suspicions' }, t('suspicions')),
    queue.suspicionsOmitted ? el('p', { class: 'muted' }, t('suspicions-omitted'))
      : suspicionTable(queue.suspicions, () => load(list, from, to, city, pendingOnly)));
}

/** A QC code's label, the code itself for codes without one. */
function qcLabel(code) {
  const label = t('qc-' + code);
  return label === 'qc-' + code ? code : label;
}

function itemRow(item, label, reload) {
  const actions = el('td', {});
  const row = el('tr', { class: 'queue-item state-' + item.state, 'data-site': item.site, 'data-parameter': item.parameter,
    'data-from': item.from, 'data-code': item.code },
  el('td', {}, `${item.siteName || ''} (${item.site})`, item.city ? el('div', { class: 'muted' }, item.city) : null),
  el('td', {}, label(item.parameter)),
  el('td', { title: item.code }, qcLabel(item.code)),
  el('td', {}, `${fmt(item.from)} – ${fmt(item.to)}`),
  el('td', {}, item.values),
  el('td', {}, item.runLength ? `${t('run-of')} ${item.runValue} × ${item.runLength}` : ''),
  el('td', { class: 'state' }, t('state-' + item.state)),
  actions);
  actions.append(
    decisionButton('invalidate', 'invalid', item, actions, reload),
    decisionButton('accept', 'valid', item, actions, reload),
    el('button', { type: 'button', class: 'history-button', onclick: () => history(item, actions) }, t('history')));
  return row;
}

/** A button that opens the reason form of a decision over the item's range. */
function decisionButton(label, decision, item, cell, reload) {
  return el('button', { type: 'button', class: label + '-button', onclick: () => {
    cell.querySelectorAll('.inline-form').forEach(f => f.remove());
    const reason = el('textarea', { class: 'reason', placeholder: t('reason'), maxlength: 2000 });
    const submit = el('button', { type: 'button', class: 'confirm-button', onclick: async () => {
      if (!reason.value.trim()) { reason.focus(); return; }
      try {
        await send('POST', `/api/v1/sites/${encodeURIComponent(item.site)}/reviews`, {
          parameter: item.parameter, interval: 'hour', from: item.from, to: item.to, decision, reason: reason.value.trim() });
        await reload();
      } catch (e) {
        banner(e.message);
      }
    } }, t('confirm-' + label));
    cell.append(el('div', { class: 'inline-form' }, reason, submit));
    reason.focus();
  } }, t(label));
}

async function history(item, cell) {
  cell.querySelectorAll('.history').forEach(h => h.remove());
  const from = new Date(new Date(item.from).getTime() - 30 * 86400_000).toISOString();
  const reviews = await api(`/api/v1/sites/${encodeURIComponent(item.site)}/reviews?` + new URLSearchParams({ from, to: item.to }));
  const relevant = reviews.filter(r => !r.parameter || r.parameter === item.parameter);
  cell.append(el('div', { class: 'history' }, relevant.length === 0 ? t('no-reviews')
    : el('ul', {}, ...relevant.map(r => el('li', {},
      `${fmt(r.decidedAt)} ${r.operator}: ${t('decision-' + r.decision)} ${fmt(r.from)} – ${fmt(r.to)} · ${r.reason}`)))));
}

function suspicionTable(suspicions, reload) {
  if (suspicions.length === 0) return el('p', { class: 'muted', id: 'suspicions-empty' }, t('no-suspicions'));
  return el('table', { class: 'grid', id: 'suspicion-table' },
    el('thead', {}, el('tr', {}, ...['site', 'detector', 'period', 'score', 'evidence', 'actions'].map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...suspicions.map(s => {
      const actions = el('td', {});
      const item = { site: s.site, parameter: s.parameter, from: s.from, to: s.to };
      actions.append(decisionButton('invalidate', 'invalid', item, actions, reload),
        el('button', { type: 'button', onclick: () => history(item, actions) }, t('history')));
      return el('tr', {}, el('td', {}, `${s.siteName || ''} (${s.site})`), el('td', {}, s.detector),
        el('td', {}, `${fmt(s.from)} – ${fmt(s.to)}`), el('td', {}, s.score.toFixed(2)), el('td', {}, s.evidence), actions);
    })));
}
