// City rankings: air (composite index, PM2.5, good days; GET /api/v1/rankings/cities) by month or year, and water
// (CWQI; GET /api/v1/rankings/water) by month. The pickers open on the latest period with data.
import { register, t, lang, applyLabels, pageHeader, langToggle, api, loadFailed } from './common.js';
import { LABELS, bjTime } from './detail-labels.js';

register(LABELS);
register({
  zh: { 'air-title': '城市环境空气质量排名', 'water-title': '城市地表水环境质量排名（CWQI）', 'period-month': '月度',
    'period-year': '年度', 'by-composite': '综合指数', 'by-pm25': 'PM2.5 浓度（µg/m³）', 'by-good_days': '优良天数比例（%）',
    'col-rank': '排名', 'col-city': '城市', 'col-previous': '上年同期', 'col-change': '变化', 'no-ranking': '该时段没有可排名的城市',
    'ranked-of': '参与排名城市', unranked: '数据不足未排名', 'lower-better': '数值越小排名越前', 'higher-better': '数值越大排名越前' },
  en: { 'air-title': 'City air quality ranking', 'water-title': 'City surface-water ranking (CWQI)', 'period-month': 'Month',
    'period-year': 'Year', 'by-composite': 'Composite index', 'by-pm25': 'PM2.5 (µg/m³)', 'by-good_days': 'Good days (%)',
    'col-rank': 'Rank', 'col-city': 'City', 'col-previous': 'Same period last year', 'col-change': 'Change',
    'no-ranking': 'No city can be ranked for this period', 'ranked-of': 'Cities ranked', unranked: 'not ranked (too little data)',
    'lower-better': 'lower is better', 'higher-better': 'higher is better' },
});

const el = id => document.getElementById(id);
const data = { air: [], water: [] };
const sorting = { air: null, water: null };

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

async function start() {
  langToggle();
  applyLabels();
  let periods = {};
  try {
    periods = await api('/api/v1/portal/periods');
  } catch (e) {
    loadFailed(e, start);
  }
  const today = bjTime(new Date()).slice(0, 7); // this month in Beijing (the UTC month lags 8 hours)
  const airMonth = periods.day ? periods.day.slice(0, 7) : today;
  el('air-month').value = airMonth;
  el('air-year').value = airMonth.slice(0, 4);
  el('water-month').value = periods.waterMonth || airMonth;
  el('air-period').addEventListener('change', () => {
    const year = el('air-period').value === 'year';
    el('air-month').hidden = year;
    el('air-year').hidden = !year;
    loadAir();
  });
  for (const id of ['air-month', 'air-year', 'air-by']) el(id).addEventListener('change', loadAir);
  el('water-month').addEventListener('change', loadWater);
  sortable('air', el('air-table'));
  sortable('water', el('water-table'));
  document.addEventListener('envmon:lang', () => { renderAir(); renderWater(); });
  await Promise.all([loadAir(), loadWater()]);
  document.body.dataset.ready = 'true';
}

async function loadAir() {
  const year = el('air-period').value === 'year';
  const from = year ? el('air-year').value + '-01-01' : el('air-month').value + '-01';
  const to = year ? el('air-year').value + '-12-31' : lastDay(el('air-month').value);
  await loadRanking('air', `/api/v1/rankings/cities?from=${from}&to=${to}&by=${el('air-by').value}`, loadAir);
  renderAir();
}

async function loadWater() {
  await loadRanking('water', `/api/v1/rankings/water?month=${el('water-month').value}`, loadWater);
  renderWater();
}

/** Puts a ranking's answer in data[kind + 'View'] and its rows in data[kind]: none, and a banner, where it failed. */
async function loadRanking(kind, path, retry) {
  try {
    data[kind + 'View'] = await api(path);
    data[kind] = data[kind + 'View'].ranking;
  } catch (e) {
    data[kind + 'View'] = null;
    data[kind] = [];
    loadFailed(e, retry);
  }
}

const num = v => (v == null ? '—' : String(v));

function renderAir() {
  const v = data.airView;
  el('air-value-col').dataset.i18n = 'by-' + el('air-by').value;
  const body = el('air-table').tBodies[0];
  body.innerHTML = '';
  for (const r of sorted('air')) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td class="num">${r.rank}</td><td><a></a></td><td class="num">${num(r.value)}</td>`
      + `<td class="num">${num(r.previous)}</td><td class="num">${r.change == null ? '—' : (r.change > 0 ? '+' : '') + r.change}</td>`;
    tr.querySelector('a').href = '/city.html?name=' + encodeURIComponent(r.city);
    tr.querySelector('a').textContent = r.city;
    body.append(tr);
  }
  el('air-meta').textContent = !v ? '' : !v.ranking.length ? t('no-ranking')
    : `${v.from} – ${v.to} · ${t('ranked-of')} ${v.ranking.length}/${v.cities} · ${v.edition.standards} · `
      + t(v.order === 'ascending' ? 'lower-better' : 'higher-better');
  const unranked = el('air-unranked');
  unranked.hidden = !v || !v.unranked.length;
  if (v) {
    unranked.querySelector('summary').textContent = `${t('unranked')}: ${v.unranked.length}`;
    unranked.querySelector('p').textContent = v.unranked.join(', ');
  }
  el('air-table').dataset.rows = String(data.air.length);
  applyLabels(el('air-ranking'));
}

function renderWater() {
  const v = data.waterView;
  const body = el('water-table').tBodies[0];
  body.innerHTML = '';
  for (const r of sorted('water')) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td class="num">${r.rank}</td><td></td><td class="num">${num(r.cwqi)}</td>`;
    tr.children[1].textContent = r.city;
    body.append(tr);
  }
  el('water-meta').textContent = !v ? '' : !v.ranking.length ? t('no-ranking')
    : `${v.month} · ${t('ranked-of')} ${v.cities} · ${v.standards} · ${t('lower-better')}`;
  el('water-table').dataset.rows = String(data.water.length);
}

function sorted(which) {
  const s = sorting[which];
  const rows = [...data[which]];
  if (!s) return rows;
  const cmp = (a, b) => {
    const x = a[s.key], y = b[s.key];
    if (x == null) return 1;
    if (y == null) return -1;
    const c = typeof x === 'string' ? x.localeCompare(y, lang() === 'en' ? 'en' : 'zh-CN') : x - y;
    return s.dir === 'ascending' ? c : -c;
  };
  return rows.sort(cmp);
}

/** Click a column header to sort by it; a second click reverses. */
function sortable(which, table) {
  table.querySelectorAll('th[data-sort]').forEach(th => th.addEventListener('click', () => {
    const key = th.dataset.sort;
    const dir = sorting[which]?.key === key && sorting[which].dir === 'ascending' ? 'descending' : 'ascending';
    sorting[which] = { key, dir };
    table.querySelectorAll('th').forEach(h => h.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', dir);
    which === 'air' ? renderAir() : renderWater();
  }));
}

pageHeader();
start();
