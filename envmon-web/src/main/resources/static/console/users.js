// User accounts (admin): list, create and reset a password (the generated password is shown once), disable/enable.
import { api, banner, t } from '/portal/common.js';
import { send, fmt, el } from '/console/session.js';

export async function usersView(root) {
  const list = el('div', { id: 'user-list' });
  const shown = el('div', { id: 'user-password' });
  const name = el('input', { id: 'user-name-input', maxlength: 64, required: true });
  const role = el('select', { id: 'user-role' }, ...['operator', 'admin', 'maintainer', 'enterprise', 'analyst']
    .map(r => el('option', { value: r }, t('role-' + r))));
  const division = el('input', { id: 'user-division-input', maxlength: 80, placeholder: 'national / city:北京' });
  const sites = el('input', { id: 'user-sites', maxlength: 2000, placeholder: 'BJ01,BJ02' });
  const reload = () => load(list, shown);
  const create = async e => {
    e.preventDefault();
    try {
      const codes = sites.value.split(',').map(s => s.trim()).filter(Boolean);
      const answer = await send('POST', '/api/v1/users', { name: name.value.trim(), role: role.value,
        division: division.value.trim() || null, sites: codes.length ? codes : null });
      showPassword(shown, answer);
      await reload();
    } catch (err) {
      banner(err.message);
    }
  };
  root.append(el('h2', {}, t('users')),
    el('form', { class: 'filters', id: 'user-form', onsubmit: create },
      el('label', {}, t('username'), name), el('label', {}, t('role'), role),
      el('label', {}, t('division'), division), el('label', {}, t('linked-sites'), sites),
      el('button', { type: 'submit', id: 'user-create' }, t('create'))),
    shown, list);
  await reload();
}

function showPassword(shown, answer) {
  shown.replaceChildren(el('div', { class: 'secret' }, answer.user.name + ' — ' + t('shown-once') + ' ',
    el('span', { id: 'user-secret' }, answer.password)));
}

async function load(list, shown) {
  const users = await api('/api/v1/users');
  const act = (label, cls, run) => el('button', { type: 'button', class: cls, onclick: async () => {
    try {
      await run();
      await load(list, shown);
    } catch (e) {
      banner(e.message);
    }
  } }, t(label));
  list.replaceChildren(el('table', { class: 'grid', id: 'user-table' },
    el('thead', {}, el('tr', {}, ...['username', 'role', 'division', 'linked-sites', 'state', 'created', 'actions']
      .map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...users.map(u => el('tr', { 'data-user': u.name },
      el('td', {}, u.name), el('td', {}, t('role-' + u.role)), el('td', {}, u.division),
      el('td', {}, [...u.sites, ...u.media].join(', ')), el('td', {}, t(u.enabled ? 'active' : 'disabled')),
      el('td', {}, fmt(u.createdAt)),
      el('td', {},
        u.enabled ? act('disable', 'danger disable-button', () => send('POST', `/api/v1/users/${encodeURIComponent(u.name)}/disable`))
          : act('enable', 'enable-button', () => send('POST', `/api/v1/users/${encodeURIComponent(u.name)}/enable`)),
        act('reset-password', 'reset-button', async () => {
          if (!confirm(t('reset-confirm') + ' ' + u.name)) return;
          showPassword(shown, await send('POST', `/api/v1/users/${encodeURIComponent(u.name)}/reset-password`));
        })))))));
}
