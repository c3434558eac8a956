// The users table (users.js), then API tokens (admin): list, create (the secret is shown once), revoke.
import { api, banner, t } from '/portal/common.js';
import { send, fmt, el } from '/console/session.js';
import { usersView } from '/console/users.js';

export async function tokensView(root) {
  await usersView(root);
  const list = el('div', { id: 'token-list' });
  const created = el('div', { id: 'token-created' });
  const name = el('input', { id: 'token-name', maxlength: 64, required: true });
  const owner = el('input', { id: 'token-owner', maxlength: 64, required: true });
  const role = el('select', { id: 'token-role' }, ...['', 'admin', 'operator', 'maintainer'].map(r =>
    el('option', { value: r }, r ? t('role-' + r) : t('owner-role'))));
  const days = el('input', { id: 'token-days', type: 'number', min: 0, max: 3650, size: 5 });
  const reload = () => load(list);
  const create = async e => {
    e.preventDefault();
    try {
      const answer = await send('POST', '/api/v1/tokens', { name: name.value.trim(), owner: owner.value.trim(),
        role: role.value || null, validityDays: days.value === '' ? null : Number(days.value) });
      created.replaceChildren(el('div', { class: 'secret' }, t('shown-once') + ' ', el('span', { id: 'token-secret' }, answer.secret)));
      await reload();
    } catch (err) {
      banner(err.message);
    }
  };
  root.append(el('h2', {}, t('tokens')),
    el('form', { class: 'filters', id: 'token-form', onsubmit: create },
      el('label', {}, t('token-name'), name), el('label', {}, t('owner'), owner), el('label', {}, t('role'), role),
      el('label', {}, t('validity-days'), days), el('button', { type: 'submit', id: 'token-create' }, t('create'))),
    created, list);
  await reload();
}

async function load(list) {
  const tokens = await api('/api/v1/tokens');
  list.replaceChildren(el('table', { class: 'grid', id: 'token-table' },
    el('thead', {}, el('tr', {}, ...['id', 'token-name', 'owner', 'role', 'created', 'expires', 'last-used', 'state', 'actions']
      .map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...tokens.map(tok => el('tr', { 'data-token': tok.id },
      el('td', {}, tok.id), el('td', {}, tok.name), el('td', {}, tok.owner), el('td', {}, tok.role),
      el('td', {}, fmt(tok.createdAt)), el('td', {}, fmt(tok.expiresAt) || t('never')), el('td', {}, fmt(tok.lastUsedAt)),
      el('td', {}, t(tok.revoked ? 'revoked' : 'active')),
      el('td', {}, tok.revoked ? null : el('button', { type: 'button', class: 'danger revoke-button', onclick: async () => {
        try {
          await send('DELETE', `/api/v1/tokens/${tok.id}`);
          await load(list);
        } catch (e) {
          banner(e.message);
        }
      } }, t('revoke'))))))));
}
