// The operator console: login, then one view per tab (review queue, alerts, stations, reports, tokens).
import { ApiError, applyLabels, banner, langToggle, t } from '/portal/common.js';
import { session, whoAmI, login, loginCsrf, logout } from '/console/session.js';
import './labels.js';
import { queueView } from '/console/queue.js';
import { alertsView } from '/console/alerts.js';
import { stationsView } from '/console/stations.js';
import { reportsView } from '/console/reports.js';
import { tokensView } from '/console/tokens.js';

const VIEWS = { queue: queueView, alerts: alertsView, stations: stationsView, reports: reportsView, tokens: tokensView };
const main = document.getElementById('console');
let current = 'queue';

async function showLogin(failed) {
  document.getElementById('login').hidden = false;
  document.getElementById('tabs').hidden = true;
  document.getElementById('whoami').hidden = true;
  main.replaceChildren();
  document.getElementById('login-csrf').value = await loginCsrf();
  const error = document.getElementById('login-error');
  error.hidden = !failed;
  error.textContent = failed ? t('login-failed') : '';
  document.body.dataset.state = 'login';
}

async function showConsole(user) {
  document.getElementById('login').hidden = true;
  document.getElementById('tabs').hidden = false;
  document.getElementById('whoami').hidden = false;
  document.getElementById('user-name').textContent = user.name;
  document.getElementById('user-role').textContent = t('role-' + user.role);
  document.getElementById('user-division').textContent = user.division === 'national' ? t('national') : user.division;
  document.querySelectorAll('#tabs [data-admin]').forEach(b => { b.hidden = user.role !== 'admin'; });
  await open(current);
  document.body.dataset.state = 'console';
}

async function open(view) {
  if (!VIEWS[view] || (view === 'tokens' && session.user.role !== 'admin')) view = 'queue';
  current = view;
  document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.view === view));
  main.replaceChildren();
  try {
    await VIEWS[view](main);
  } catch (e) {
    // The session ended (expired, or logged out in another tab): back to the login form.
    if (e instanceof ApiError && e.status === 401) return showLogin(false);
    banner(e.message, () => open(view));
  }
  applyLabels(main);
}

async function start() {
  langToggle();
  applyLabels();
  document.addEventListener('envmon:lang', () => { if (session.user) showConsole(session.user); });
  document.getElementById('tabs').addEventListener('click', e => {
    if (e.target.dataset.view) open(e.target.dataset.view);
  });
  document.getElementById('login-form').addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const ok = await login(e.target);
      document.getElementById('password').value = '';
      const user = ok ? await whoAmI() : null;
      if (user) await showConsole(user); else await showLogin(true);
    } catch (err) {
      await showLogin(false);
      banner(err.status === 429 ? t('login-throttled') : err.message);
    }
  });
  document.getElementById('logout').addEventListener('click', async () => {
    await logout();
    await showLogin(false);
  });
  try {
    const user = await whoAmI();
    if (user) await showConsole(user); else await showLogin(new URLSearchParams(location.search).has('error'));
  } catch (e) {
    banner(e.message, start);
  }
}

start();
