// The map (一张图): China from the GeoJSON shipped under /geo (no tile server), air stations coloured by their
// hourly AQI level as the feed gives it, cities, water sections coloured by class; click a province to drill down.
// window.envmonMap exposes what is drawn (markers with their colours, pixel positions) for tests and debugging.
import { t, esc, waterColour, pollutantLabel, unitOf, hourInterval, lang } from './common.js';

const NO_DATA = '#bbbbbb';

export class PortalMap {
  /**
   * @param el       the map's element
   * @param onSelect called with {kind: 'station'|'city'|'water', item} when a marker is clicked
   * @param onView   called with the province's name (null = national) after a drill-down or back
   */
  constructor(el, { onSelect, onView }) {
    this.el = el;
    this.onSelect = onSelect;
    this.onView = onView;
    this.chart = echarts.init(el, null, { renderer: 'canvas' });
    this.stations = [];
    this.cities = [];
    this.sections = [];
    this.layers = { stations: true, cities: false, water: true };
    this.province = null; // {name, id} when drilled down
    this.provinces = null;
    this.debug = { markers: [], cities: [], sections: [], drawnMs: null, view: 'china', ready: false };
    this.debug.pixelOf = code => this.pixelOf(code);
    this.debug.pixelAt = (lon, lat) => this.chart.convertToPixel({ geoIndex: 0 }, [lon, lat]);
    this.debug.drill = name => this.drill(name);
    window.envmonMap = this.debug;
    window.addEventListener('resize', () => this.chart.resize());
    this.chart.on('click', p => this.clicked(p));
  }

  /** Loads the country's outline; throws when the base layer cannot be read. */
  async loadBase() {
    const [china, index] = await Promise.all([getJson('/geo/china.json'), getJson('/geo/provinces.json')]);
    echarts.registerMap('china', china);
    this.provinces = index;
    this.draw();
  }

  setStations(items) { this.stations = items || []; this.draw(); }
  setCities(items) { this.cities = items || []; this.draw(); }
  setSections(items) { this.sections = items || []; this.draw(); }
  setLayer(name, on) { this.layers[name] = on; this.draw(); }

  async drill(name) {
    const entry = this.provinces && this.provinces.find(p => p.name === name);
    if (!entry) return;
    const mapName = 'province-' + entry.id;
    if (!echarts.getMap(mapName)) echarts.registerMap(mapName, await getJson('/geo/' + entry.file));
    this.province = { name, id: entry.id, mapName };
    this.draw(true);
    this.onView && this.onView(name);
  }

  back() {
    this.province = null;
    this.draw(true);
    this.onView && this.onView(null);
  }

  /** In the province drilled into (or anywhere when national). Feed provinces are full names: 北京市, 广西壮族自治区. */
  inView(item) {
    return !this.province || (item.province || '').startsWith(this.province.name);
  }

  draw(reset) {
    if (!echarts.getMap('china')) return;
    const located = x => x.lat != null && x.lon != null && this.inView(x);
    // No-data stations first, so coloured markers are drawn over them.
    const stations = this.layers.stations ? this.stations.filter(located)
      .sort((a, b) => (a.aqi == null ? -1 : a.aqi) - (b.aqi == null ? -1 : b.aqi)) : [];
    const cities = this.layers.cities ? this.cities.filter(located) : [];
    const sections = this.layers.water ? this.sections.filter(located) : [];
    const small = this.province ? 9 : 6;
    const option = {
      animation: false,
      tooltip: { trigger: 'item', confine: true, formatter: p => this.tooltip(p) },
      geo: {
        map: this.province ? this.province.mapName : 'china',
        roam: true,
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        label: { show: !!this.province, fontSize: 10, color: '#555' },
        itemStyle: { areaColor: '#eef3f7', borderColor: '#8aa4b8', borderWidth: 0.6 },
        emphasis: { itemStyle: { areaColor: '#d6e6f2' }, label: { show: true } },
        select: { disabled: true },
        // regions have no tooltip; a series on the geo inherits this, so each series turns its own back on
        tooltip: { show: false },
      },
      series: [
        {
          id: 'stations', name: t('layer-stations'), type: 'scatter',
          tooltip: { show: true }, coordinateSystem: 'geo', symbolSize: small,
          data: stations.map(s => ({ name: s.name, value: [s.lon, s.lat, s.aqi], item: s,
            itemStyle: { color: s.colour || NO_DATA, borderColor: '#555', borderWidth: 0.3 } })),
          emphasis: { scale: 2 },
        },
        {
          id: 'cities', name: t('layer-cities'), type: 'scatter',
          tooltip: { show: true }, coordinateSystem: 'geo', symbol: 'roundRect',
          symbolSize: [24, 16], z: 3,
          data: cities.map(c => ({ name: c.city, value: [c.lon, c.lat, c.aqi], item: c,
            itemStyle: { color: c.colour || NO_DATA, borderColor: '#333', borderWidth: 0.5 } })),
          label: { show: true, formatter: p => p.data.item.aqi ?? '–', fontSize: 10, color: '#000' },
          labelLayout: { hideOverlap: true },
        },
        {
          id: 'water', name: t('layer-water'), type: 'scatter',
          tooltip: { show: true }, coordinateSystem: 'geo', symbol: 'triangle',
          symbolSize: small + 3, z: 4,
          data: sections.map(w => ({ name: w.name, value: [w.lon, w.lat, w.classNumber], item: w,
            itemStyle: { color: waterColour(w.classNumber), borderColor: '#333', borderWidth: 0.5 } })),
        },
      ],
    };
    // 'finished': ECharts has rendered everything of this option: the markers are on screen. Registered
    // before setOption, which renders synchronously (and may fire it at once).
    this.chart.off('finished');
    this.chart.on('finished', () => {
      this.chart.off('finished');
      this.debug.drawnMs = performance.now();
      if (stations.length && !performance.getEntriesByName('markers-drawn').length) {
        performance.mark('markers-drawn');
      }
      this.el.dataset.drawn = String(Date.now());
    });
    this.chart.setOption(option, { replaceMerge: reset ? ['geo', 'series'] : ['series'] });
    this.debug.view = this.province ? this.province.name : 'china';
    this.debug.markers = stations.map(s => ({ code: s.code, colour: s.colour || NO_DATA, aqi: s.aqi }));
    this.debug.cities = cities.map(c => ({ city: c.city, colour: c.colour || NO_DATA, aqi: c.aqi }));
    this.debug.sections = sections.map(w => ({ code: w.code, colour: waterColour(w.classNumber) }));
    this.el.dataset.markers = String(stations.length);
  }

  /** Pixel position of a station marker in the map element, or null when it is not drawn. */
  pixelOf(code) {
    const s = this.stations.find(x => x.code === code);
    if (!s || s.lon == null) return null;
    const p = this.chart.convertToPixel({ geoIndex: 0 }, [s.lon, s.lat]);
    return p ? [Math.round(p[0]), Math.round(p[1])] : null;
  }

  clicked(p) {
    if (p.componentType === 'geo') {
      if (!this.province) this.drill(p.name);
      return;
    }
    if (p.componentType === 'series' && p.data && p.data.item) {
      const kind = p.seriesId === 'cities' ? 'city' : p.seriesId === 'water' ? 'water' : 'station';
      this.onSelect && this.onSelect({ kind, item: p.data.item });
    }
  }

  tooltip(p) {
    if (p.componentType !== 'series' || !p.data || !p.data.item) return '';
    const kind = p.seriesId === 'cities' ? 'city' : p.seriesId === 'water' ? 'water' : 'station';
    return cardHtml(kind, p.data.item, true);
  }
}

async function getJson(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
  return r.json();
}

/** The card of a station, city or water section (the tooltip and the side card share it). */
export function cardHtml(kind, x, compact) {
  if (kind === 'water') return waterCard(x);
  const title = kind === 'city' ? esc(x.city) : esc(x.name) + ' <small>' + esc(x.code) + '</small>';
  const place = kind === 'city' ? esc(x.province || '') : esc([x.province, x.city].filter(Boolean).join(' '));
  if (x.aqi == null) {
    return '<div class="card" data-kind="' + kind + '"><h3>' + title + '</h3><p class="place">' + place
      + '</p><p class="nodata">' + t('no-data') + '</p>' + link(kind, x) + '</div>';
  }
  const category = lang() === 'en' ? x.categoryEn : x.category;
  const primary = (x.primaryPollutants || []).map(pollutantLabel).join(', ') || '—';
  const rows = ['pm25', 'pm10', 'o3', 'no2', 'so2', 'co'].map(k => {
    const v = x.concentrations && x.concentrations[k];
    const bad = (x.invalid || []).includes(k);
    return '<tr><th>' + pollutantLabel(k) + '</th><td>' + (v == null ? (bad ? t('qc-invalid') : '—') : esc(v))
      + '</td><td class="unit">' + unitOf(k) + '</td></tr>';
  }).join('');
  const qc = kind === 'station' ? '<p class="qc" data-qc="' + esc(x.qc) + '">' + t('card-qc') + ': '
    + t('qc-' + x.qc) + '</p>' : '<p>' + t('card-stations') + ': ' + esc(x.stations) + '</p>';
  return '<div class="card" data-kind="' + kind + '" data-code="' + esc(x.code || x.city) + '">'
    + '<h3>' + title + '</h3><p class="place">' + place + '</p>'
    + '<div class="aqi" style="background:' + esc(x.colour) + ';color:' + (x.level >= 4 ? '#fff' : '#000') + '">'
    + '<span class="value">' + esc(x.aqi) + '</span> <span>AQI</span></div>'
    + '<p><b>' + t('level-' + x.level) + '</b> · <span class="category">' + esc(category) + '</span></p>'
    + '<p>' + t('card-primary') + ': ' + esc(primary) + '</p>'
    + (compact ? '' : '<table class="conc">' + rows + '</table>')
    + '<p class="time">' + t('card-time') + ': ' + esc(hourInterval(x.time)) + '</p>'
    + '<p class="edition">' + t('card-edition') + ': HJ 633-' + esc(x.edition) + '</p>'
    + qc + (compact ? '' : link(kind, x)) + '</div>';
}

function waterCard(w) {
  const cls = w.waterClass ? t('water-class') + ' ' + esc(w.waterClass) : t('no-data');
  return '<div class="card" data-kind="water" data-code="' + esc(w.code) + '"><h3>' + esc(w.name) + ' <small>'
    + esc(w.code) + '</small></h3><p class="place">' + esc([w.basin, w.province, w.city].filter(Boolean).join(' '))
    + '</p><div class="aqi" style="background:' + waterColour(w.classNumber) + '"><span class="value">' + cls
    + '</span></div>'
    + (w.month ? '<p>' + t('water-month') + ': ' + esc(w.month) + '</p>' : '')
    + (w.targetClass ? '<p>' + t('water-target') + ': ' + ['I', 'II', 'III', 'IV', 'V'][w.targetClass - 1]
      + (w.meetsTarget == null ? '' : w.meetsTarget ? ' ✓' : ' ✗ ' + t('water-missed')) + '</p>' : '')
    + ((w.mainPollutants || []).length ? '<p>' + t('water-main') + ': ' + esc(w.mainPollutants.join(', ')) + '</p>'
      : '')
    + (w.drinkingWaterSource ? '<p>' + t('water-drinking') + '</p>' : '')
    + '<p class="edition">GB 3838-2002</p></div>';
}

function link(kind, x) {
  if (kind === 'station') {
    return '<p><a class="detail" href="/station.html?code=' + encodeURIComponent(x.code) + '">' + t('card-detail')
      + '</a></p>';
  }
  return '<p><a class="detail" href="/city.html?name=' + encodeURIComponent(x.city) + '">' + t('card-detail')
    + '</a></p>';
}
