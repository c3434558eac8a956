// ECharts helpers of the detail pages (echarts is the global of /webjars/echarts/dist/echarts.min.js).
// Each chart records what it drew in data- attributes of its element (data-points, data-coloured-days) and in
// window.envmonCharts, so that a browser test (and a curious reader) can see the series behind the canvas.
import { AQI_LEVEL_COLOURS, t, lang } from './common.js';

window.envmonCharts = window.envmonCharts || {};

/** The chart of an element, in the page's language (ECharts' locale names the months on the axes). */
function chartOf(el) {
  const locale = lang() === 'en' ? 'EN' : 'ZH';
  let chart = echarts.getInstanceByDom(el);
  if (chart && el.dataset.locale !== locale) {
    chart.dispose();
    chart = null;
  }
  if (!chart) {
    chart = echarts.init(el, null, { locale });
    el.dataset.locale = locale;
  }
  return chart;
}

const MONTHS = {
  zh: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const WEEKDAYS = { zh: ['日', '一', '二', '三', '四', '五', '六'], en: ['S', 'M', 'T', 'W', 'T', 'F', 'S'] };

/**
 * A line chart: points [[time, value|null]]; nulls are gaps ("no data" is never drawn as zero).
 * aqi=true colours the line by HJ 633 level.
 */
export function lineChart(el, { name, unit, points: given, aqi }) {
  const chart = chartOf(el);
  const points = given.map(([x, y]) => [beijingAxis(x), y]);
  const withValue = points.filter(p => p[1] != null).length;
  el.dataset.points = String(withValue);
  window.envmonCharts[el.id] = { name, points };
  chart.setOption({
    animation: false,
    useUTC: true,
    grid: { left: 50, right: 20, top: 30, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: unit || '', min: 0 },
    visualMap: aqi ? levelPieces({ show: false, dimension: 1 }) : undefined,
    graphic: withValue === 0 ? [{ type: 'text', left: 'center', top: 'middle',
      style: { text: t('no-data'), fontSize: 18, fill: '#888' } }] : [],
    series: [{ type: 'line', name, data: points, connectNulls: false, showSymbol: points.length <= 48,
      lineStyle: { width: 2 }, itemStyle: aqi ? undefined : { color: '#1d5f8a' } }],
  }, true);
  return chart;
}

/**
 * Axis position of an API time: the charts run in UTC with Beijing wall-clock times, so that the axis reads Beijing
 * time whatever the reader's time zone ("2019-01-31T22:00:00+08:00" is drawn at 22:00, a day at its 00:00).
 */
function beijingAxis(x) {
  return x.length === 10 ? Date.parse(x + 'T00:00:00Z') : Date.parse(x) + 8 * 3600_000;
}

function levelPieces(extra) {
  const bounds = [[0, 50], [51, 100], [101, 150], [151, 200], [201, 300], [301, 100000]];
  return {
    type: 'piecewise', ...extra,
    pieces: bounds.map(([min, max], i) => ({ min, max, color: AQI_LEVEL_COLOURS[i],
      label: i === 5 ? '>300' : min + '–' + max })),
  };
}

/** A calendar heatmap of daily AQI ([[yyyy-mm-dd, aqi]]) over [from, to], coloured by HJ 633 level. */
export function aqiCalendar(el, { from, to, days }) {
  const chart = chartOf(el);
  el.dataset.colouredDays = String(days.length);
  window.envmonCharts[el.id] = { from, to, days };
  chart.setOption({
    animation: false,
    tooltip: { formatter: p => p.value[0] + '  AQI ' + p.value[1] },
    visualMap: levelPieces({ orient: 'horizontal', left: 'center', bottom: 0, dimension: 1 }),
    calendar: { range: [from, to], top: 30, left: 40, right: 20, cellSize: ['auto', 14],
      dayLabel: { firstDay: 1, nameMap: WEEKDAYS[lang()] }, monthLabel: { nameMap: MONTHS[lang()] },
      yearLabel: { show: false }, itemStyle: { color: '#f2f2f2', borderColor: '#fff' } },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: days }],
  }, true);
  return chart;
}

window.addEventListener('resize', () => {
  document.querySelectorAll('[_echarts_instance_]').forEach(el => echarts.getInstanceByDom(el)?.resize());
});
