// Shared by every page of the portal and the console: language, API access, error banner, AQI level colours.
// Plain ES modules served by the platform; no build step.

const dictionaries = { zh: {}, en: {} };

/** Adds a page's labels: register({zh: {key: '...'}, en: {key: '...'}}). */
export function register(dict) {
  for (const lang of Object.keys(dictionaries)) Object.assign(dictionaries[lang], dict[lang] || {});
}

export function lang() {
  return localStorage.getItem('envmon.lang') === 'en' ? 'en' : 'zh';
}

export function setLang(l) {
  localStorage.setItem('envmon.lang', l);
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
  applyLabels();
  document.dispatchEvent(new CustomEvent('envmon:lang', { detail: l }));
}

/** The label of a key in the current language (the key itself when no page registered it). */
export function t(key) {
  return dictionaries[lang()][key] ?? dictionaries.zh[key] ?? key;
}

/** Fills every element carrying data-i18n="key" with its label (data-i18n-placeholder: its placeholder). */
export function applyLabels(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}

/**
 * Puts the header the portal's pages other than the map share (station, city, rankings, verify, not found) at the top of
 * the page: the site's name, the links to the map, the rankings and the verify page, and the language toggle.
 */
export function pageHeader() {
  const header = document.createElement('header');
  header.innerHTML = `<h1><a href="/" data-i18n="site-title"></a></h1>
    <nav>
      <a href="/" data-i18n="nav-home"></a>
      <a href="/rankings.html" data-i18n="nav-rankings"></a>
      <a href="/verify.html" data-i18n="nav-verify"></a>
      <button id="lang-toggle" type="button">English</button>
    </nav>`;
  document.body.prepend(header);
  applyLabels(header);
}

/** Wires a language toggle button (id="lang-toggle"). */
export function langToggle() {
  const button = document.getElementById('lang-toggle');
  if (!button) return;
  const label = () => { button.textContent = lang() === 'en' ? '中文' : 'English'; };
  button.addEventListener('click', () => { setLang(lang() === 'en' ? 'zh' : 'en'); label(); });
  label();
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

/** GET a JSON resource of the platform's API; a problem+json answer becomes an ApiError. */
export async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}

/** Shows an error banner (id="banner") with a retry button calling retry(). */
export function banner(message, retry) {
  let el = document.getElementById('banner');
  if (!el) {
    el = document.createElement('div');
    el.id = 'banner';
    el.setAttribute('role', 'alert');
    document.body.prepend(el);
  }
  el.hidden = false;
  el.textContent = message + ' ';
  if (retry) {
    const button = document.createElement('button');
    button.textContent = t('retry');
    button.addEventListener('click', () => { el.hidden = true; retry(); });
    el.append(button);
  }
}

/** The banner of a page whose data could not be loaded: the reason, and a retry button calling retry(). */
export function loadFailed(error, retry) {
  banner(t('load-failed') + ': ' + error.message, retry);
}

/** HJ 633 Table 2: the colour of each AQI level (I..VI), as RGB. */
export const AQI_LEVEL_COLOURS = ['#00e400', '#ffff00', '#ff7e00', '#ff0000', '#99004c', '#7e0023'];

/** HJ 633 Table 2 level (1..6) of an AQI value; 0 for no value. */
export function aqiLevel(aqi) {
  if (aqi == null || Number.isNaN(aqi)) return 0;
  if (aqi <= 50) return 1;
  if (aqi <= 100) return 2;
  if (aqi <= 150) return 3;
  if (aqi <= 200) return 4;
  if (aqi <= 300) return 5;
  return 6;
}

export function aqiColour(aqi) {
  const level = aqiLevel(aqi);
  return level === 0 ? '#bbbbbb' : AQI_LEVEL_COLOURS[level - 1];
}

/**
 * Surface-water class colours (GB 3838-2002 classes I, II, III, IV, V, worse than V), as the national surface-water
 * release draws them: blues for the drinking-water classes, green for III, then yellow, orange, red. Grey: no class.
 */
export const WATER_CLASS_COLOURS = ['#44c6f0', '#2b6cd9', '#00b050', '#ffd700', '#ff8c00', '#e60000'];

/** Colour of a water class number (1 = I … 6 = worse than V). */
export function waterColour(classNumber) {
  return classNumber >= 1 && classNumber <= 6 ? WATER_CLASS_COLOURS[classNumber - 1] : '#bbbbbb';
}

/** Display names of the pollutant keys the API uses. */
export const POLLUTANTS = { so2: 'SO₂', no2: 'NO₂', pm10: 'PM₁₀', pm25: 'PM₂.₅', co: 'CO', o3: 'O₃' };

export function pollutantLabel(key) {
  return POLLUTANTS[key] || key;
}

/** Unit of a pollutant's concentration (CO in mg/m³, the others µg/m³). */
export function unitOf(key) {
  return key === 'co' ? 'mg/m³' : 'µg/m³';
}

/** An API time (ISO-8601, +08:00) as "YYYY-MM-DD HH:mm" Beijing time, as written. */
export function beijingTime(iso) {
  if (!iso) return '';
  return iso.slice(0, 16).replace('T', ' ');
}

/** An hour's interval from its start: "YYYY-MM-DD HH:00–HH+1:00" (Beijing time). */
export function hourInterval(iso) {
  if (!iso) return '';
  const h = Number(iso.slice(11, 13));
  return iso.slice(0, 10) + ' ' + iso.slice(11, 16) + '–' + String((h + 1) % 24).padStart(2, '0') + ':00';
}

/** Escapes text for HTML built as a string (ECharts tooltips). */
export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

register({
  zh: { retry: '重试', 'no-data': '无数据', 'site-title': 'EnvMon 生态环境监测', 'load-failed': '数据加载失败',
    'nav-home': '地图', 'nav-rankings': '排名', 'nav-verify': '数据核验' },
  en: { retry: 'Retry', 'no-data': 'No data', 'site-title': 'EnvMon environmental monitoring',
    'load-failed': 'Could not load the data', 'nav-home': 'Map', 'nav-rankings': 'Rankings', 'nav-verify': 'Verify the data' },
});
