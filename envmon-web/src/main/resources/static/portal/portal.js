// The public portal: reads published data from the platform's JSON API only.
document.getElementById('app').textContent = typeof echarts === 'object' ? 'ready' : 'charts unavailable';
document.body.dataset.ready = 'true';
