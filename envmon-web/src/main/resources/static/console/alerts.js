// Alerts of the division: acknowledge with a note, close.
import { api, banner, t } from '/portal/common.js';
import { session, send, fmt, el, divisionSites } from '/console/session.js';

/** Whether an alert concerns the user's division (the server checks again on every transition). */
function inDivision(alert, sites) {
  if (session.user.division === 'national') return true;
  if (alert.subjectType === 'site') return sites.some(s => s.code === alert.subject);
  return sites.some(s => s.city === alert.subject);
}

export async function alertsView(root) {
  const stateEl = el('select', { id: 'alert-state' }, ...['', 'open', 'acknowledged', 'closed'].map(s =>
    el('option', { value: s }, t(s ? 'alert-' + s : 'all'))));
  const list = el('div', { id: 'alert-list' });
  const reload = () => load(list, stateEl.value);
  stateEl.addEventListener('change', reload);
  root.append(el('h2', { 'data-i18n': 'tab-alerts' }),
    el('div', { class: 'filters' }, el('label', {}, el('span', { 'data-i18n': 'state' }), stateEl)), list);
  await reload();
}

async function load(list, state) {
  const [alerts, sites] = await Promise.all([
    api('/api/v1/alerts?' + new URLSearchParams(state ? { state, limit: 500 } : { limit: 500 })),
    divisionSites()]);
  const mine = alerts.filter(a => inDivision(a, sites));
  if (mine.length === 0) {
    list.replaceChildren(el('p', { class: 'muted' }, t('no-alerts')));
    return;
  }
  list.replaceChildren(el('table', { class: 'grid', id: 'alert-table' },
    el('thead', {}, el('tr', {}, ...['id', 'subject', 'severity', 'state', 'opened', 'message', 'note', 'actions']
      .map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...mine.map(a => row(a, () => load(list, state))))));
}

function row(a, reload) {
  const actions = el('td', {});
  const note = el('input', { class: 'alert-note', placeholder: t('note'), maxlength: 500 });
  const act = async (path, needsNote) => {
    if (needsNote && !note.value.trim()) { note.focus(); return; }
    try {
      await send('POST', `/api/v1/alerts/${a.id}/${path}`, { note: note.value.trim() || null });
      await reload();
    } catch (e) {
      banner(e.message);
    }
  };
  if (a.state !== 'closed' && session.user.role !== 'maintainer') {
    actions.append(note);
    if (a.state === 'open') actions.append(el('button', { type: 'button', class: 'ack-button', onclick: () => act('acknowledge', true) }, t('acknowledge')));
    actions.append(el('button', { type: 'button', class: 'close-button', onclick: () => act('close', false) }, t('close')));
  }
  const last = a.history && a.history.length ? a.history[a.history.length - 1] : null;
  return el('tr', { 'data-alert': a.id },
    el('td', {}, a.id), el('td', {}, `${a.subject} ${a.parameter || ''}`), el('td', {}, a.severity),
    el('td', { class: 'state' }, t('alert-' + a.state)), el('td', {}, fmt(a.openedAt)), el('td', {}, a.message),
    el('td', { class: 'ack-note' }, a.ackNote || '', last && last.operator && last.operator !== 'system' ? el('div', { class: 'muted' }, `${last.operator} ${fmt(last.at)}`) : null),
    actions);
}
