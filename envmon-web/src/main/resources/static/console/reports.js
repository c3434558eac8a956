// Reports for a period (xlsx / csv / pdf downloads), and a recompute of a range where the server offers one.
import { t } from '/portal/common.js';
import { session, el, offers, beijingDay, divisionSites } from '/console/session.js';

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
  const recompute = Object.keys(await paths()).find(p => p.includes('recompute'));
  root.append(el('p', { class: 'muted', id: 'recompute-note' }, recompute ? recompute : t('recompute-cli')));
}

async function paths() {
  await offers('GET', '/');
  return session.paths || {};
}
