// Labels and small helpers of the detail pages.

export const POLLUTANTS = [
  { key: 'aqi', daily: 'aqi', label: 'AQI', unit: '' },
  { key: 'pm25', daily: 'pm25', label: 'PM2.5', unit: 'µg/m³' },
  { key: 'pm10', daily: 'pm10', label: 'PM10', unit: 'µg/m³' },
  { key: 'o3', daily: 'o3_8h', label: 'O₃', unit: 'µg/m³' },
  { key: 'no2', daily: 'no2', label: 'NO₂', unit: 'µg/m³' },
  { key: 'so2', daily: 'so2', label: 'SO₂', unit: 'µg/m³' },
  { key: 'co', daily: 'co', label: 'CO', unit: 'mg/m³' },
];

/** HJ 212-2017 Annex B codes of the six pollutants (the station's latest values are keyed by them). */
export const PARAMETER_CODES = { so2: 'a21026', no2: 'a21004', pm10: 'a34002', pm25: 'a34004', co: 'a21005', o3: 'a05024' };

const BJ = 8 * 3600_000;

/** An instant as the API's Beijing-time ISO form: 2019-01-31T23:00:00+08:00. */
export function bjTime(date) {
  return new Date(date.getTime() + BJ).toISOString().slice(0, 19) + '+08:00';
}

/** yyyy-mm-dd plus n days. */
export function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "2019-01-31 23:00–24:00": the hour as its interval (the API gives the start). */
export function hourLabel(iso) {
  const start = new Date(Date.parse(iso) + BJ).toISOString();
  const h = Number(start.slice(11, 13));
  return start.slice(0, 10) + ' ' + String(h).padStart(2, '0') + ':00–' + String(h + 1).padStart(2, '0') + ':00';
}

export const LABELS = {
  zh: {
    online: '在线', offline: '离线', 'control-site': '对照点', stations: '个空气监测站点',
    none: '无（AQI ≤ 50）', 'beijing-time': '（北京时间）', publishable: '可发布', 'not-publishable': '不发布 AQI（HJ 633-2026 §5.3.1）',
    missing: '缺测', 'stations-averaged': '个站点平均', 'capture-30d': '近30日获取率', 'valid-30d': '有效率',
    'state-valid': '有效', 'state-invalid': '无效', reviewed: '已审核', flag: '标记', 'no-sensitive': '无特别提示的敏感人群',
    'tables-1-2': '表1、表2', 'table-2': '表2', 'o3-8h': '日最大8小时', 'latest-hour': '最新小时',
    'lbl-level': '级别 · 类别', 'lbl-primary': '首要污染物', 'lbl-time': '时间', 'lbl-edition': '执行标准',
    'lbl-quality': '数据质量', 'conc-title': '六项污染物浓度', 'col-pollutant': '污染物', 'col-value': '浓度',
    'col-unit': '单位', 'col-iaqi': '分指数', 'col-state': '数据状态', 'advice-title': '健康影响与建议措施',
    'lbl-effect': '对健康影响情况', 'lbl-measures': '建议采取的措施', 'lbl-groups': '敏感人群', 'trend-title': '变化趋势',
    'range-24h': '24小时', 'range-30d': '30天', 'range-1y': '1年', 'calendar-title': '每日 AQI 日历（近一年）',
    'city-stations-title': '城市站点',
  },
  en: {
    online: 'online', offline: 'offline', 'control-site': 'control site',
    stations: 'air monitoring stations', none: 'none (AQI ≤ 50)', 'beijing-time': '(Beijing time)', publishable: 'publishable',
    'not-publishable': 'AQI not published (HJ 633-2026 §5.3.1)', missing: 'missing', 'stations-averaged': 'stations averaged',
    'capture-30d': '30-day capture rate', 'valid-30d': 'valid rate', 'state-valid': 'valid', 'state-invalid': 'invalid',
    reviewed: 'reviewed', flag: 'flag', 'no-sensitive': 'no particular sensitive group', 'tables-1-2': 'Tables 1 and 2',
    'table-2': 'Table 2', 'o3-8h': 'daily max 8-h', 'latest-hour': 'Latest hour',
    'lbl-level': 'Level · category', 'lbl-primary': 'Primary pollutant', 'lbl-time': 'Time', 'lbl-edition': 'Standard',
    'lbl-quality': 'Data quality', 'conc-title': 'The six pollutants', 'col-pollutant': 'Pollutant',
    'col-value': 'Concentration', 'col-unit': 'Unit', 'col-iaqi': 'IAQI', 'col-state': 'Data state',
    'advice-title': 'Health effects and advice', 'lbl-effect': 'Health effects', 'lbl-measures': 'Advice',
    'lbl-groups': 'Sensitive groups', 'trend-title': 'Trend', 'range-24h': '24 hours', 'range-30d': '30 days',
    'range-1y': '1 year', 'calendar-title': 'Daily AQI calendar (past year)', 'city-stations-title': 'Stations of the city',
  },
};
