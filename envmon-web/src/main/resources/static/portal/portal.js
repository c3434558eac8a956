// The public portal's front page: the map, the card of what was clicked, the live alerts and the city table.
// Reads published data from the platform's JSON API only (the /api/v1/feeds snapshots and the alert stream).
import { applyLabels, langToggle, api, banner, t, AQI_LEVEL_COLOURS, WATER_CLASS_COLOURS }
  from './common.js';
import { PortalMap, cardHtml } from './map.js';
import { CityTable } from './cities.js';
import { AlertsPanel } from './alerts.js';
import './labels.js';

/** How often the feeds are re-read; an unchanged feed costs a 304 (the browser revalidates its ETag). */
const REFRESH_MS = 60_000;

const map = new PortalMap(document.getElementById('map'), {
  onSelect: showCard,
  onView: name => {
    document.getElementById('map-back').hidden = !name;
    const region = document.getElementById('map-region');
    region.dataset.i18n = name ? '' : 'map-national';
    region.textContent = name || t('map-national');
  },
});
const table = new CityTable(document.getElementById('cities'), document.getElementById('city-search'), city => {
  showCard({ kind: 'city', item: city });
});
const alerts = new AlertsPanel(document.getElementById('alerts'), document.getElementById('alerts-empty'),
  document.getElementById('alerts-live'));
let selected = null;
let latestHour = null;
/** Water sections of the feed without coordinates: in the rankings, not on the map (no position is invented). */
let unplaced = 0;

/** The hour the map shows (the newest station hour of the feed). */
function dataTime() {
  document.getElementById('data-time').textContent = latestHour
    ? t('data-time') + ' ' + latestHour.slice(0, 16).replace('T', ' ') : '';
}

function showCard(sel) {
  selected = sel;
  const card = document.getElementById('card');
  card.innerHTML = cardHtml(sel.kind, sel.item, false);
  card.dataset.kind = sel.kind;
}

function legend() {
  const el = document.getElementById('legend');
  const aqi = AQI_LEVEL_COLOURS.map((c, i) => '<span class="key"><i style="background:' + c + '"></i>'
    + t('category-' + (i + 1)) + '</span>').join('');
  const water = WATER_CLASS_COLOURS.map((c, i) => '<span class="key"><i class="tri" style="border-bottom-color:'
    + c + '"></i>' + ['I', 'II', 'III', 'IV', 'V', t('water-worse-v')][i] + '</span>').join('');
  el.innerHTML = '<div><b>' + t('legend-aqi') + '</b> ' + aqi + '<span class="key"><i style="background:#bbbbbb"></i>'
    + t('no-data') + '</span></div><div><b>' + t('legend-water') + '</b> ' + water
    + (unplaced ? ' <small id="water-unplaced">' + t('water-unplaced').replace('{n}', unplaced) + '</small>' : '')
    + '</div>';
}

const FEEDS = [
  { path: '/api/v1/feeds/stations/latest', label: 'feed-stations', apply: f => {
    performance.mark('stations-fed');
    map.setStations(f.items);
    latestHour = f.latestHour;
    dataTime();
    document.body.dataset.stations = String(f.items.length);
  } },
  { path: '/api/v1/feeds/cities/latest', label: 'feed-cities', apply: f => {
    map.setCities(f.items);
    table.setCities(f.items);
  } },
  { path: '/api/v1/feeds/water/latest', label: 'feed-water', apply: f => {
    map.setSections(f.items);
    unplaced = f.items.filter(w => w.lat == null || w.lon == null).length;
    legend();
  } },
];

/** Reads every feed; one that fails shows a banner with a retry and leaves the rest of the page working. */
async function loadFeeds() {
  const failed = [];
  await Promise.all(FEEDS.map(async feed => {
    try {
      // no-cache: revalidate with the stored ETag; an unchanged feed is a 304 served from the browser's cache.
      feed.apply(await api(feed.path, { cache: 'no-cache' }));
    } catch (e) {
      failed.push(t(feed.label) + ' (' + e.message + ')');
    }
  }));
  if (failed.length) {
    banner(t('feed-failed') + ': ' + failed.join('; '), loadFeeds);
  } else {
    const b = document.getElementById('banner');
    if (b) b.hidden = true;
  }
  if (selected) refreshSelected();
}

/** Keeps the open card in step with the newest feed. */
function refreshSelected() {
  const list = selected.kind === 'station' ? map.stations : selected.kind === 'city' ? map.cities : map.sections;
  const key = selected.kind === 'city' ? 'city' : 'code';
  const now = list.find(x => x[key] === selected.item[key]);
  if (now) showCard({ kind: selected.kind, item: now });
}

async function start() {
  applyLabels();
  langToggle();
  legend();
  document.getElementById('map-back').addEventListener('click', () => map.back());
  for (const layer of ['stations', 'cities', 'water']) {
    document.getElementById('layer-' + layer).addEventListener('change', e => map.setLayer(layer, e.target.checked));
  }
  document.addEventListener('envmon:lang', () => {
    legend();
    dataTime();
    map.draw();
    table.render();
    alerts.render();
    if (selected) showCard(selected);
    document.title = t('site-title');
  });
  document.title = t('site-title');
  // The base layer and the feeds load side by side; markers are drawn once both are in.
  const base = map.loadBase().then(() => performance.mark('base-loaded')).catch(e => {
    banner(t('base-failed') + ' (' + e.message + ')', () => location.reload());
  });
  await Promise.all([base, loadFeeds()]);
  setInterval(loadFeeds, REFRESH_MS);
  alerts.start();
  window.envmonMap.ready = true;
  document.body.dataset.ready = 'true';
}

start();
