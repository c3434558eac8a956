// A pollution-source outlet (GET /api/v1/sources/outlets/{code}/hours): the reference O2 its device applies,
// the hourly means converted to it (折算浓度) as the platform recomputes them beside the device's own, and the amounts.
// ?code=...&from=YYYY-MM-DD&to=YYYY-MM-DD (Beijing days, both included; default the last two days).
import { register, t, lang, applyLabels, pageHeader, langToggle, api, loadFailed, esc } from './common.js';
import { LABELS, addDays, bjTime } from './detail-labels.js';
import { lineChart } from './charts.js';
import { showNotFound } from './not-found.js';

register(LABELS);
register({
  zh: {
    'lbl-reference': '基准氧含量', 'lbl-agree-converted': '设备折算浓度与平台复算一致',
    'lbl-agree-amount': '设备排放量与平台复算一致', 'trend-title': '折算浓度（平台复算）', 'hours-title': '小时数据',
    'col-time': '时间', 'col-pollutant': '污染物', 'col-measured': '实测', 'col-converted': '折算（平台）',
    'col-device': '折算（设备）', 'col-amount': '排放量 kg', 'col-o2': 'O₂ %', 'col-check': '核对',
    formula: '折算浓度 = 实测浓度 × (21 − 基准氧含量) / (21 − 实测氧含量)（GB 13223-2011 式 (1)）；排放量 = 实测浓度 × 该小时标态干烟气量。设备自报数值与平台复算相差 5% 以上（或 0.01 以上）记为不一致。',
    'given': '（按指定的设施类型）', 'implied_by_device': '（由设备自报折算值推得）',
    'no-reference': '设备自报折算值不对应任何标准的基准氧含量，未复算', 'agree': '一致', 'differ': '不一致',
    'outlet-sub': '烟气排口 · 编码 ', 'of': ' / ', 'a34013': '颗粒物', 'a21026': 'SO₂', 'a21002': 'NOx',
    'not-converted': '未折算', 'lbl-signals': '筛查信号（小时数）', 'no-signals': '无',
    o2_near_ambient: '排放烟气时氧含量接近空气（设施未燃烧或漏风）',
    o2_implausibly_low: '氧含量低于任何燃烧工况（氧分析仪缺失或故障）', 'nf-outlet': '没有编码为 {id} 的烟气排口（或所选时段无效）。',
  },
  en: {
    'lbl-reference': 'Reference O₂', 'lbl-agree-converted': "Device's converted means agreeing with the platform's",
    'lbl-agree-amount': "Device's amounts agreeing with the platform's", 'trend-title': 'Converted concentration (recomputed)',
    'hours-title': 'Hourly data', 'col-time': 'Time', 'col-pollutant': 'Pollutant', 'col-measured': 'Measured',
    'col-converted': 'Converted (platform)', 'col-device': 'Converted (device)', 'col-amount': 'Amount kg',
    'col-o2': 'O₂ %', 'col-check': 'Check',
    formula: 'Converted = measured × (21 − reference O₂) / (21 − measured O₂) (GB 13223-2011 formula (1)); amount = measured × the hour\'s dry flue-gas volume at the standard state. A device figure more than 5 % (or 0.01) from the platform\'s is marked as differing.',
    'given': '(for the facility kind given)', 'implied_by_device': "(implied by the device's own converted figures)",
    'no-reference': "The device's converted figures match no standard's reference: not recomputed", 'agree': 'agrees',
    'differ': 'differs', 'outlet-sub': 'Flue-gas outlet · code ', 'of': ' of ', 'a34013': 'Particulates',
    'a21026': 'SO₂', 'a21002': 'NOx', 'not-converted': 'not converted',
    'nf-outlet': 'There is no flue-gas outlet with code {id} (or the period is not valid).',
    'kind-coal-fired-power-boiler': 'coal-fired boiler (power plant)',
    'kind-oil-or-gas-fired-power-boiler': 'oil- or gas-fired boiler (power plant)', 'kind-gas-turbine': 'gas turbine',
    'kind-coal-fired-industrial-boiler': 'coal-fired boiler', 'kind-oil-or-gas-fired-industrial-boiler': 'oil- or gas-fired boiler',
    'kind-waste-incinerator': 'municipal waste incinerator', 'lbl-signals': 'Screening signals (hours)',
    'no-signals': 'none', o2_near_ambient: 'near-ambient O₂ while discharging (not burning, or air leaking in)',
    o2_implausibly_low: 'O₂ below any combustion (analyser missing or failed)',
  },
});

const el = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const code = params.get('code') || '';
const today = bjTime(new Date()).slice(0, 10);
const to = params.get('to') || today;
const from = params.get('from') || addDays(to, -1);
let data = null;
let shown = 'a21026';

const num = v => (v == null ? '—' : String(v));
const hour = iso => bjTime(new Date(iso)).replace('T', ' ').slice(0, 16);

function render() {
  if (!data) return;
  el('detail-title').textContent = data.outlet.name;
  el('detail-sub').textContent = t('outlet-sub') + data.outlet.code + ' · ' + from + ' – ' + to;
  const r = data.reference;
  const kind = r && (lang() === 'en' ? t('kind-' + r.facility) : r.facilityZh);
  el('reference').textContent = r
    ? `${r.percent} % · ${kind} · ${r.standard} ${r.clause} ${t(r.source)}` : t('no-reference');
  const agreement = a => (a.compared ? `${a.agreeing}${t('of')}${a.compared}` : '—');
  el('agree-converted').textContent = agreement(data.convertedAgreement);
  el('agree-amount').textContent = agreement(data.amountAgreement);
  const counts = {};
  data.hours.forEach(h => h.signals.forEach(x => { counts[x] = (counts[x] || 0) + 1; }));
  const signals = Object.entries(counts).map(([x, n]) => `${t(x)}: ${n}`);
  el('signals').textContent = signals.length ? signals.join('; ') : t('no-signals');
  const codes = [...new Set(data.hours.flatMap(h => h.pollutants.map(p => p.code)))];
  if (!codes.includes(shown) && codes.length) shown = codes[0];
  const tabs = el('pollutant-tabs');
  tabs.replaceChildren(...codes.map(c => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.key = c;
    b.textContent = t(c);
    b.classList.toggle('active', c === shown);
    b.addEventListener('click', () => { shown = c; render(); });
    return b;
  }));
  const points = data.hours.map(h => {
    const p = h.pollutants.find(x => x.code === shown);
    return [h.time, p ? p.converted : null];
  });
  lineChart(el('trend'), { name: t(shown), unit: 'mg/m³', points });
  const check = v => (v == null ? '' : t(v ? 'agree' : 'differ'));
  el('hours').innerHTML = data.hours.flatMap(h => h.pollutants.map(p => `<tr data-agrees="${p.convertedAgrees}">
    <td>${esc(hour(h.time))}</td><td>${esc(t(p.code))}</td><td>${num(p.measured)}</td>
    <td>${p.converted == null ? esc(t('not-converted')) : num(p.converted)}</td><td>${num(p.deviceConverted)}</td>
    <td>${num(p.amountKg)}</td><td>${num(h.o2)}</td><td>${esc(check(p.convertedAgrees))}</td></tr>`)).join('');
}

async function load() {
  try {
    data = await api(`/api/v1/sources/outlets/${encodeURIComponent(code)}/hours?from=${from}T00:00%2B08:00`
      + `&to=${addDays(to, 1)}T00:00%2B08:00`);
    render();
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      showNotFound('outlet', code);
      return;
    }
    loadFailed(e, load);
  }
  document.body.dataset.ready = 'true';
}

pageHeader();
langToggle();
applyLabels();
document.addEventListener('envmon:lang', render);
load();
