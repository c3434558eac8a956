// Open alerts of the public types, kept live by Server-Sent Events from /api/v1/alerts/stream. The stream does not
// replay what a client missed, so the list is re-read from /api/v1/alerts whenever the stream (re)connects.
import { api, t, esc, beijingTime } from './common.js';

/**
 * Rules whose alerts the public sees: city AQI episodes and heavy-pollution warnings (the published city AQI) and
 * drinking-water sources out of limits. Station-level data alerts (offline, QC, thresholds) are for operators.
 */
export const PUBLIC_RULES = ['city-aqi', 'heavy-pollution', 'drinking-source'];

export function isPublic(alert) {
  return PUBLIC_RULES.some(r => alert.ruleId === r || alert.ruleId.startsWith(r + '-'));
}

/** Reconnect delay after the browser gave up on the stream (EventSource retries by itself on a dropped line). */
const RECONNECT_MS = 3000;

export class AlertsPanel {
  constructor(list, empty, status) {
    this.list = list;
    this.empty = empty;
    this.status = status;
    this.alerts = new Map();
    this.source = null;
  }

  start() {
    this.connect();
  }

  connect() {
    const source = new EventSource('/api/v1/alerts/stream');
    this.source = source;
    source.addEventListener('open', () => {
      this.state('live');
      this.reload();
    });
    for (const type of ['opened', 'acknowledged', 'closed']) {
      source.addEventListener(type, e => this.event(type, JSON.parse(e.data)));
    }
    source.addEventListener('error', () => {
      this.state('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(() => { if (this.source === source) this.connect(); }, RECONNECT_MS);
      }
    });
  }

  state(s) {
    this.status.dataset.state = s;
    this.status.textContent = t('alerts-' + s);
  }

  async reload() {
    try {
      const [open, acknowledged] = await Promise.all([api('/api/v1/alerts?state=open&limit=200'),
        api('/api/v1/alerts?state=acknowledged&limit=200')]);
      this.alerts.clear();
      for (const a of open.concat(acknowledged)) if (isPublic(a)) this.alerts.set(a.id, a);
      this.render();
    } catch (e) {
      // the stream still delivers new alerts; the list is re-read at the next reconnect
    }
  }

  event(type, alert) {
    if (!isPublic(alert)) return;
    if (alert.state === 'closed') this.alerts.delete(alert.id);
    else this.alerts.set(alert.id, alert);
    this.render();
  }

  render() {
    const items = [...this.alerts.values()].sort((a, b) => (b.openedAt || '').localeCompare(a.openedAt || ''));
    this.empty.hidden = items.length > 0;
    this.list.innerHTML = items.map(a => '<li class="alert sev-' + esc(a.severity) + '" data-id="' + esc(a.id)
      + '" data-rule="' + esc(a.ruleId) + '"><b>' + esc(t('rule-' + a.ruleId.replace(/-\d+$/, ''))) + '</b> · '
      + esc(a.subject) + '<br><span class="msg">' + esc(a.message) + '</span><br><small>' + t('alert-opened') + ' '
      + esc(beijingTime(a.openedAt)) + (a.state === 'acknowledged' ? ' · ' + t('alert-acknowledged') : '')
      + '</small></li>').join('');
    if (this.status.dataset.state) this.status.textContent = t('alerts-' + this.status.dataset.state);
  }
}
