// Review proposals of maintainers (two-level review: a maintainer proposes, the division's operator decides), shown
// only where the server offers them.
import { api, banner, t } from '/portal/common.js';
import { send, fmt, el, offers } from '/console/session.js';

const LIST = '/api/v1/review-proposals';

/** Appends the pending proposals of the caller's scope with accept/reject, or nothing when the server has none. */
export async function proposalsSection(root, reloadQueue) {
  if (!(await offers('GET', LIST))) return;
  const box = el('div', { id: 'proposals' });
  root.append(el('h2', {}, t('proposals')), box);
  const reload = async () => {
    const pending = await api(LIST + '?state=pending');
    box.replaceChildren(pending.length === 0 ? el('p', { class: 'muted' }, t('no-proposals'))
      : el('table', { class: 'grid', id: 'proposal-table' },
        el('thead', {}, el('tr', {}, ...['site', 'parameter', 'period', 'decision', 'reason', 'proposed-by', 'actions']
          .map(k => el('th', {}, t(k))))),
        el('tbody', {}, ...pending.map(p => row(p, async () => { await reload(); await reloadQueue(); })))));
  };
  await reload();
}

function row(p, reload) {
  const note = el('input', { class: 'proposal-note', placeholder: t('note'), maxlength: 2000 });
  const decide = verdict => async () => {
    try {
      await send('POST', `${LIST}/${p.id}/${verdict}`, { note: note.value.trim() || null });
      await reload();
    } catch (e) {
      banner(e.message);
    }
  };
  return el('tr', { 'data-proposal': p.id },
    el('td', {}, p.site), el('td', {}, p.parameter || t('all')), el('td', {}, `${fmt(p.from)} – ${fmt(p.to)}`),
    el('td', {}, t('decision-' + p.decision)), el('td', {}, p.reason), el('td', {}, `${p.proposedBy} ${fmt(p.proposedAt)}`),
    el('td', {}, note, el('button', { type: 'button', class: 'accept-proposal', onclick: decide('accept') }, t('accept')),
      el('button', { type: 'button', class: 'reject-proposal', onclick: decide('reject') }, t('reject'))));
}
