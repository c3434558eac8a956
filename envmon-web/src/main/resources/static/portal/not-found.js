// The friendly not-found message: shown in place by a detail page whose station or city the API does not know
// (problem+json 404), and by /not-found.html?station=…|city=… for links that lead nowhere.
import { register, t, applyLabels, pageHeader, langToggle } from './common.js';

register({
  zh: { 'nf-title': '没有找到', 'nf-station': '没有编号为 {id} 的监测站点。', 'nf-city': '没有名为 {id} 的城市（或该城市没有空气监测站点）。',
    'nf-page': '没有这个页面。', 'nf-hint': '请检查地址，或从首页的地图和城市列表进入。', 'nf-home': '返回首页', 'nf-rankings': '城市排名' },
  en: { 'nf-title': 'Not found', 'nf-station': 'There is no monitoring station with code {id}.',
    'nf-city': 'There is no city named {id} (or it has no air monitoring station).', 'nf-page': 'There is no such page.',
    'nf-hint': 'Check the address, or start from the map and the city list on the home page.', 'nf-home': 'Home',
    'nf-rankings': 'City rankings' },
});

/** Replaces the content of main with the message; what: 'station' | 'city' | 'page'. */
export function showNotFound(what, id) {
  const main = document.querySelector('main');
  main.innerHTML = '';
  const section = document.createElement('section');
  section.id = 'not-found';
  section.className = 'card not-found';
  const h = document.createElement('h2');
  h.dataset.i18n = 'nf-title';
  const p = document.createElement('p');
  p.id = 'not-found-message';
  const hint = document.createElement('p');
  hint.dataset.i18n = 'nf-hint';
  const links = document.createElement('p');
  links.innerHTML = '<a href="/" data-i18n="nf-home"></a> · <a href="/rankings.html" data-i18n="nf-rankings"></a>';
  section.append(h, p, hint, links);
  main.append(section);
  const fill = () => { p.textContent = t('nf-' + what).replace('{id}', id || ''); applyLabels(section); };
  fill();
  document.addEventListener('envmon:lang', fill);
  document.body.dataset.state = 'not-found';
  document.body.dataset.ready = 'true';
}

if (document.body.dataset.page === 'not-found') {
  const q = new URLSearchParams(location.search);
  pageHeader();
  langToggle();
  applyLabels();
  if (q.has('station')) showNotFound('station', q.get('station'));
  else if (q.has('city')) showNotFound('city', q.get('city'));
  else showNotFound('page');
}
