// The detail page of a station (/station.html?code=1001A) or a city (/city.html?name=北京): latest hour, six
// concentrations, edition and data-quality state, health advice, 24 h / 30 d / 1 y charts and the daily AQI calendar.
import { register, t, lang, applyLabels, pageHeader, langToggle, api, aqiColour, loadFailed } from './common.js';
import { lineChart, aqiCalendar } from './charts.js';
import { healthAdvice, sensitiveGroups } from './health-advice.js';
import { showNotFound } from './not-found.js';
import { LABELS, POLLUTANTS, PARAMETER_CODES, bjTime, addDays, hourLabel } from './detail-labels.js';

register(LABELS);

const state = { kind: null, id: null, pollutant: 'aqi', range: '24h', hourly: [], daily: [], latest: [], editions: [] };

export function showDetail(kind) {
  state.kind = kind;
  const q = new URLSearchParams(location.search);
  state.id = kind === 'site' ? q.get('code') : q.get('name');
  pageHeader();
  langToggle();
  applyLabels();
  document.addEventListener('envmon:lang', render);
  if (!state.id) { showNotFound(kind === 'site' ? 'station' : 'city', ''); return; }
  load();
}

async function load() {
  const key = state.kind === 'site' ? 'site' : 'city';
  const enc = encodeURIComponent(state.id);
  let periods;
  try {
    periods = await api(`/api/v1/portal/periods?${key}=${enc}`);
    state.info = state.kind === 'site' ? await api(`/api/v1/sites/${enc}`)
      : await api(`/api/v1/sites?medium=air&city=${enc}`);
  } catch (e) {
    if (e.status === 404) { showNotFound(state.kind === 'site' ? 'station' : 'city', state.id); return; }
    loadFailed(e, load);
    return;
  }
  try {
    const calls = [];
    if (periods.hour) {
      const to = new Date(Date.parse(periods.hour) + 3600_000);
      const from = new Date(to.getTime() - 24 * 3600_000);
      calls.push(api(`/api/v1/aqi/hourly?${key}=${enc}&from=${encodeURIComponent(bjTime(from))}`
        + `&to=${encodeURIComponent(bjTime(to))}`).then(r => { state.hourly = r.values; state.editions = r.editions; }));
    }
    if (periods.day) {
      state.calendar = { from: addDays(periods.day, -364), to: periods.day };
      calls.push(api(`/api/v1/aqi/daily?${key}=${enc}&from=${state.calendar.from}&to=${periods.day}`)
        .then(r => { state.daily = r.values; state.dailyEditions = r.editions; }));
      if (state.kind === 'site') {
        calls.push(api(`/api/v1/sites/${enc}/quality?from=${addDays(periods.day, -29)}&to=${periods.day}`)
          .then(r => { state.quality = r; }));
      }
    }
    if (state.kind === 'site') calls.push(api(`/api/v1/sites/${enc}/latest`).then(r => { state.latest = r; }));
    await Promise.all(calls);
  } catch (e) {
    loadFailed(e, load);
  }
  render();
  document.body.dataset.ready = 'true';
}

function latestHour() {
  for (let i = state.hourly.length - 1; i >= 0; i--) if (state.hourly[i].aqi != null) return state.hourly[i];
  return null;
}

function render() {
  if (document.body.dataset.state === 'not-found' || !state.info) return;
  renderTitle();
  renderNow(latestHour());
  renderChart();
  renderCalendar();
  applyLabels();
}

function renderTitle() {
  const title = document.getElementById('detail-title');
  const sub = document.getElementById('detail-sub');
  if (state.kind === 'site') {
    const s = state.info;
    title.textContent = s.name + ' (' + s.code + ')';
    sub.textContent = [s.province, s.city, s.county].filter(Boolean).join(' · ')
      + ' · ' + (s.online ? t('online') : t('offline')) + (s.control ? ' · ' + t('control-site') : '');
  } else {
    title.textContent = state.id;
    const list = document.getElementById('city-stations');
    list.innerHTML = '';
    for (const s of state.info) {
      const a = document.createElement('a');
      a.href = '/station.html?code=' + encodeURIComponent(s.code);
      a.textContent = s.name + (s.control && !s.name.includes(t('control-site')) ? ' (' + t('control-site') + ')' : '');
      list.append(a, ' ');
    }
    sub.textContent = state.info.length + ' ' + t('stations');
  }
}

function renderNow(h) {
  const el = document.getElementById('now');
  const badge = document.getElementById('aqi-badge');
  el.dataset.state = h ? 'data' : 'no-data';
  if (!h) {
    badge.textContent = t('no-data');
    badge.style.background = aqiColour(null);
    for (const id of ['aqi-level', 'aqi-primary', 'aqi-time', 'aqi-edition', 'aqi-quality']) {
      document.getElementById(id).textContent = '—';
    }
    document.getElementById('concentrations').innerHTML = '';
    document.getElementById('advice').hidden = true;
    return;
  }
  badge.textContent = h.aqi;
  badge.style.background = h.colour || aqiColour(h.aqi);
  badge.style.color = h.level >= 4 ? '#fff' : '#000';
  document.getElementById('aqi-level').textContent = (lang() === 'en' ? 'Level ' + h.level + ' · ' + h.categoryEn
    : h.levelName + ' · ' + h.category);
  document.getElementById('aqi-primary').textContent = h.primaryPollutants.length
    ? h.primaryPollutants.map(p => POLLUTANTS.find(x => x.key === p || x.daily === p)?.label || p).join(', ')
    : t('none');
  document.getElementById('aqi-time').textContent = hourLabel(h.time) + ' ' + t('beijing-time');
  const edition = state.editions.find(e => e.code === h.edition);
  document.getElementById('aqi-edition').textContent = edition ? edition.standards : h.edition;
  document.getElementById('aqi-quality').textContent = qualityText(h);
  renderConcentrations(h);
  renderAdvice(h);
}

function qualityText(h) {
  const parts = [];
  parts.push(h.publishable ? t('publishable') : t('not-publishable'));
  if (h.missing.length) parts.push(t('missing') + ': ' + h.missing.join(', '));
  if (state.kind === 'city') parts.push(h.stations + ' ' + t('stations-averaged'));
  if (state.quality) {
    const r = state.quality.total;
    parts.push(t('capture-30d') + ' ' + (r.captureRate * 100).toFixed(1) + '%, ' + t('valid-30d') + ' '
      + (r.validRate * 100).toFixed(1) + '%');
  }
  return parts.join(' · ');
}

function renderConcentrations(h) {
  const body = document.getElementById('concentrations');
  body.innerHTML = '';
  for (const p of POLLUTANTS.filter(p => p.key !== 'aqi')) {
    const tr = document.createElement('tr');
    const c = h.concentrations[p.key];
    const iaqi = h.iaqi[p.key];
    tr.dataset.pollutant = p.key;
    tr.innerHTML = `<th>${p.label}</th><td class="num">${c == null ? '' : c}</td><td>${p.unit}</td>`
      + `<td class="num">${iaqi == null ? '' : iaqi}</td><td></td>`;
    if (c == null) tr.children[1].textContent = t('no-data');
    tr.children[4].textContent = valueState(p.key, h);
    body.append(tr);
  }
}

/** The QC and review state of the station's value of that hour (a city shows how many stations it averages). */
function valueState(key, h) {
  if (state.kind === 'city') return h.concentrations[key] == null ? '' : t('state-valid');
  const o = state.latest.find(l => l.parameter === PARAMETER_CODES[key] && l.interval === 'hour');
  if (!o || Date.parse(o.time) !== Date.parse(h.time)) return h.concentrations[key] == null ? '' : t('state-valid');
  let s = o.valid ? t('state-valid') : t('state-invalid');
  if (o.review !== 'none') s += ' (' + t('reviewed') + ')';
  if (o.qc && o.qc.length) s += ' · QC ' + o.qc.join(', ');
  if (o.flag && o.flag !== 'N') s += ' · ' + t('flag') + ' ' + o.flag;
  return s;
}

function renderAdvice(h) {
  const box = document.getElementById('advice');
  box.hidden = false;
  const a = healthAdvice(h.edition, h.level, lang());
  document.getElementById('advice-effect').textContent = a.effect;
  document.getElementById('advice-measures').textContent = a.advice;
  const groups = sensitiveGroups(h.edition, h.level, h.iaqi, lang());
  const list = document.getElementById('advice-groups');
  list.innerHTML = '';
  for (const g of groups) {
    const li = document.createElement('li');
    const label = g.pollutant ? POLLUTANTS.find(p => p.key === g.pollutant || p.daily === g.pollutant)?.label : null;
    li.textContent = (label ? label + ': ' : '') + g.groups;
    list.append(li);
  }
  if (!groups.length) list.innerHTML = `<li>${t('no-sensitive')}</li>`;
  document.getElementById('advice-source').textContent = h.edition === '2026'
    ? 'HJ 633-2026 §4.1.1 ' + t('tables-1-2') : 'HJ 633-2012 §4.3 ' + t('table-2');
}

function renderChart() {
  const p = POLLUTANTS.find(x => x.key === state.pollutant);
  const series = state.range === '24h' ? state.hourly : state.range === '30d' ? state.daily.slice(-30) : state.daily;
  const field = state.range === '24h' ? p.key : p.daily;
  const points = series.map(v => [v.time || v.date,
    field === 'aqi' ? v.aqi : (v.concentrations[field] == null ? null : Number(v.concentrations[field]))]);
  const name = p.label + (state.range === '24h' ? '' : p.daily !== p.key ? ' (' + t('o3-8h') + ')' : '');
  lineChart(document.getElementById('trend'), { name, unit: p.unit, points, aqi: p.key === 'aqi' });
  document.querySelectorAll('#pollutant-tabs button').forEach(b => b.classList.toggle('active', b.dataset.key === state.pollutant));
  document.querySelectorAll('#range-tabs button').forEach(b => b.classList.toggle('active', b.dataset.range === state.range));
}

function renderCalendar() {
  const el = document.getElementById('calendar');
  if (!state.calendar) { el.dataset.colouredDays = '0'; el.textContent = t('no-data'); return; }
  const days = state.daily.filter(d => d.aqi != null).map(d => [d.date, d.aqi]);
  aqiCalendar(el, { ...state.calendar, days });
}

/** Builds the tab buttons (called once by the page). */
export function tabs() {
  const pt = document.getElementById('pollutant-tabs');
  for (const p of POLLUTANTS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.key = p.key;
    b.textContent = p.label;
    b.addEventListener('click', () => { state.pollutant = p.key; renderChart(); });
    pt.append(b);
  }
  document.querySelectorAll('#range-tabs button').forEach(b => b.addEventListener('click', () => {
    state.range = b.dataset.range;
    renderChart();
  }));
}
