// The division's stations: online state, last packet, data capture and valid rates of the last 7 days; password
// rotation, registration and editing (siteform.js) where the server offers them.
import { api, banner, t } from '/portal/common.js';
import { send, fmt, el, offers, beijingDay, divisionSites, session } from '/console/session.js';
import { siteForm } from '/console/siteform.js';

const ROTATE = '/api/v1/sites/{code}/hj212-password';

export async function stationsView(root) {
  const [sites, canRotate, offered] = await Promise.all([
    divisionSites(), offers('POST', ROTATE), offers('POST', '/api/v1/sites')]);
  const canRegister = offered && ['admin', 'operator'].includes(session.user.role);
  const reload = async () => {
    root.replaceChildren();
    await stationsView(root);
  };
  const editor = el('div', { id: 'site-editor' });
  const from = beijingDay(-6);
  const to = beijingDay(0);
  root.append(el('h2', { 'data-i18n': 'tab-stations' }),
    el('p', { class: 'muted' }, `${t('rates-over')} ${from} – ${to}. ` + (canRegister ? '' : t('no-site-write'))));
  if (canRegister) root.append(el('details', { id: 'site-add' }, el('summary', {}, t('add-site')), siteForm(null, reload)));
  root.append(editor);
  const rows = sites.map(s => {
    const capture = el('td', { class: 'capture' });
    const valid = el('td', { class: 'valid' });
    const actions = el('td', {});
    if (canRegister) actions.append(el('button', { type: 'button', class: 'edit-button', onclick: () =>
      editor.replaceChildren(el('h3', {}, t('edit-site') + ' ' + s.code), siteForm(s, reload)) }, t('edit')));
    if (canRotate) actions.append(el('button', { type: 'button', class: 'rotate-button', onclick: () => rotate(s, actions) }, t('rotate')));
    return { site: s, capture, valid, tr: el('tr', { 'data-site': s.code },
      el('td', {}, s.code), el('td', {}, s.name), el('td', {}, s.medium), el('td', {}, [s.province, s.city, s.county].filter(Boolean).join(' ')),
      el('td', {}, s.mn || ''), el('td', { class: s.online ? 'online' : 'offline' }, t(s.online ? 'online' : 'offline')),
      el('td', {}, fmt(s.lastPacketAt)), capture, valid, actions) };
  });
  root.append(el('table', { class: 'grid', id: 'station-table' },
    el('thead', {}, el('tr', {}, ...['code', 'name', 'medium', 'division', 'mn', 'online', 'last-packet', 'capture-rate', 'valid-rate', 'actions']
      .map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...rows.map(r => r.tr))));
  // One request for the division's rates (the store's daily completeness of every site at once).
  const rates = await api('/api/v1/station-rates?' + new URLSearchParams({ from, to }));
  const byCode = new Map(rates.map(r => [r.site, r]));
  for (const r of rows) {
    const q = byCode.get(r.site.code);
    r.capture.textContent = q ? pct(q.captureRate) : '—';
    r.valid.textContent = q ? pct(q.validRate) : '—';
  }
}

function pct(rate) {
  return rate == null ? '—' : (rate * 100).toFixed(1) + ' %';
}

async function rotate(site, cell) {
  if (!confirm(t('rotate-confirm') + ' ' + site.code)) return;
  try {
    const answer = await send('POST', ROTATE.replace('{code}', encodeURIComponent(site.code)), {});
    const secret = answer && (answer.password || answer.secret);
    cell.append(el('div', { class: 'secret' }, t('shown-once') + ' ', secret || JSON.stringify(answer)));
  } catch (e) {
    banner(e.message);
  }
}
