// Reports for a period (xlsx / csv / pdf downloads), and a recompute of a range where the server offers one.
import { banner, t } from '/portal/common.js';
import { session, send, el, offers, beijingDay, divisionSites } from '/console/session.js';

export async function reportsView(root) {
  const sites = await divisionSites('air');
  const cities = [...new Set(sites.map(s => s.city).filter(Boolean))].sort();
  const cityEl = el('select', { id: 'report-city' }, ...cities.map(c => el('option', { value: c }, c)));
  const fromEl = el('input', { type: 'date', id: 'report-from', value: beijingDay(-30) });
  const toEl = el('input', { type: 'date', id: 'report-to', value: beijingDay(-1) });
  const monthEl = el('input', { type: 'month', id: 'report-month', value: beijingDay(-31).slice(0, 7) });
  const airLinks = el('span', { id: 'air-links' });
  const waterLinks = el('span', { id: 'water-links' });
  const update = () => {
    const air = f => '/api/v1/reports/air?' + new URLSearchParams({ city: cityEl.value, from: fromEl.value, to: toEl.value, format: f });
    const water = f => '/api/v1/reports/water?' + new URLSearchParams({ month: monthEl.value, format: f });
    airLinks.replaceChildren(...['xlsx', 'csv', 'pdf'].map(f => el('a', { href: air(f), download: '', class: 'report-link' }, f.toUpperCase(), ' ')));
    waterLinks.replaceChildren(...['xlsx', 'csv', 'pdf'].map(f => el('a', { href: water(f), download: '', class: 'report-link' }, f.toUpperCase(), ' ')));
  };
  [cityEl, fromEl, toEl, monthEl].forEach(e => e.addEventListener('change', update));
  update();
  root.append(el('h2', {}, t('air-report')),
    cities.length === 0 ? el('p', { class: 'muted' }, t('no-air-sites')) : el('div', { class: 'filters' },
      el('label', {}, t('city'), cityEl), el('label', {}, t('from'), fromEl), el('label', {}, t('to'), toEl), airLinks),
    el('h2', {}, t('water-report')),
    el('div', { class: 'filters' }, el('label', {}, t('month'), monthEl), waterLinks),
    el('h2', {}, t('recompute')));
  const mayRecompute = ['admin', 'operator'].includes(session.user.role) && await offers('POST', '/api/v1/recompute');
  root.append(mayRecompute ? recomputeForm(cities) : el('p', { class: 'muted', id: 'recompute-note' }, t('recompute-cli')));
}

// The derived air data (AQI) of a day range rebuilt from the stored values: one city, or (admin) every city.
function recomputeForm(cities) {
  const admin = session.user.role === 'admin';
  const city = el('select', { id: 'recompute-city' }, ...(admin ? [el('option', { value: '' }, t('all'))] : []),
    ...cities.map(c => el('option', { value: c }, c)));
  const from = el('input', { type: 'date', id: 'recompute-from', value: beijingDay(-7), required: true });
  const to = el('input', { type: 'date', id: 'recompute-to', value: beijingDay(0), required: true });
  const result = el('span', { id: 'recompute-result', class: 'muted' });
  const button = el('button', { type: 'submit', id: 'recompute-run' }, t('recompute'));
  const run = async e => {
    e.preventDefault();
    button.disabled = true;
    result.textContent = '…';
    try {
      const q = { from: from.value, to: to.value };
      if (city.value) q.city = city.value;
      const r = await send('POST', '/api/v1/recompute?' + new URLSearchParams(q));
      result.textContent = `${r.from} – ${r.to}: ${r.stations} ${t('stations')}, ${r.cities} ${t('cities')}, `
        + `${r.hourRows} ${t('hour-rows')}, ${r.dayRows} ${t('day-rows')} (${(r.tookMillis / 1000).toFixed(1)} s)`;
    } catch (err) {
      result.textContent = '';
      banner(err.message);
    } finally {
      button.disabled = false;
    }
  };
  return el('form', { class: 'filters', id: 'recompute-form', onsubmit: run },
    el('label', {}, t('city'), city), el('label', {}, t('from'), from), el('label', {}, t('to'), to),
    button, result, el('p', { class: 'muted' }, t('recompute-note')));
}
