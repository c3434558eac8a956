// The public portal's front page: reads published data from the platform's JSON API only.
import { applyLabels, langToggle } from './common.js';

applyLabels();
langToggle();
document.getElementById('app').textContent = typeof echarts === 'object' ? 'ready' : 'charts unavailable';
document.body.dataset.ready = 'true';
