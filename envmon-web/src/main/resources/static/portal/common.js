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

/** Fills every element carrying data-i18n="key" with its label. */
export function applyLabels(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
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

register({
  zh: { retry: '重试', 'no-data': '无数据', 'site-title': 'EnvMon 生态环境监测' },
  en: { retry: 'Retry', 'no-data': 'No data', 'site-title': 'EnvMon environmental monitoring' },
});
