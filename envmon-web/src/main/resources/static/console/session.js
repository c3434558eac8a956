// The console's session: who is logged in, the CSRF token its writes send, and what the server offers.
import { api, ApiError } from '/portal/common.js';

export const session = { user: null, csrfHeader: null, csrfToken: null, paths: null, parameters: null };

/** The caller from /api/v1/me, or null when anonymous (401). Keeps the session's CSRF token. */
export async function whoAmI() {
  try {
    const me = await api('/api/v1/me');
    session.user = me;
    session.csrfHeader = me.csrfHeader;
    session.csrfToken = me.csrfToken;
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      session.user = null;
      return null;
    }
    throw e;
  }
}

/** A write (POST/DELETE) with a JSON body, sending the session's CSRF token; problem+json becomes an ApiError. */
export async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session.csrfHeader) headers[session.csrfHeader] = session.csrfToken;
  return api(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The CSRF token of the login form (Spring Security's form at /login carries it as a hidden field). */
export async function loginCsrf() {
  const html = await (await fetch('/login', { credentials: 'same-origin' })).text();
  const input = new DOMParser().parseFromString(html, 'text/html').querySelector('input[name="_csrf"]');
  return input ? input.value : '';
}

/** Posts the login form; true when the server accepted the credentials. */
export async function login(form) {
  const response = await fetch('/login', { method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(form)) });
  if (response.status === 429) throw new ApiError(429, { detail: 'too many attempts' });
  return response.ok && !response.url.includes('error');
}

export async function logout() {
  const headers = {};
  if (session.csrfHeader) headers[session.csrfHeader] = session.csrfToken;
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers });
  session.user = null;
}

/**
 * Whether the server maps an endpoint (from its OpenAPI document): the console shows the actions of endpoints that
 * are still to come (station password rotation, recompute, site registration) only where they exist.
 */
export async function offers(method, path) {
  if (session.paths === null) {
    try {
      session.paths = (await api('/v3/api-docs')).paths || {};
    } catch (e) {
      session.paths = {};
    }
  }
  const entry = session.paths[path];
  return !!entry && !!entry[method.toLowerCase()];
}

export function isAdmin() {
  return session.user && session.user.role === 'admin';
}

/** Formats an API time (ISO with +08:00) as "YYYY-MM-DD HH:mm" Beijing time. */
export function fmt(time) {
  return time ? time.replace('T', ' ').slice(0, 16) : '';
}

/** A DOM element: el('td', {class: 'x'}, 'text', child, ...). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/** Today in Beijing as YYYY-MM-DD, shifted by days. */
export function beijingDay(shiftDays = 0) {
  const t = new Date(Date.now() + 8 * 3600_000 + shiftDays * 86400_000);
  return t.toISOString().slice(0, 10);
}

/** The sites of the user's division (the site list filtered as the division covers them). */
export async function divisionSites(medium) {
  const d = session.user.division;
  const [level, name] = d.includes(':') ? [d.slice(0, d.indexOf(':')), d.slice(d.indexOf(':') + 1)] : [d, null];
  const query = {};
  if (medium) query.medium = medium;
  if (level === 'province') query.province = name;
  if (level === 'city') query.city = name;
  const sites = await api('/api/v1/sites?' + new URLSearchParams(query));
  return level === 'county' ? sites.filter(s => s.county === name) : sites;
}

/** The HJ 212 parameter catalogue by code (loaded once; empty when it cannot be read). */
export async function parameters() {
  if (session.parameters === null) {
    try {
      session.parameters = new Map((await api('/api/v1/parameters')).map(p => [p.code, p]));
    } catch (e) {
      session.parameters = new Map();
    }
  }
  return session.parameters;
}

/** A parameter's name in the current language, with its code. */
export function parameterLabel(catalogue, code, zh) {
  const p = catalogue.get(code);
  const name = p && (zh ? p.nameZh : (p.nameEn || p.nameZh));
  return name ? `${name} (${code})` : code;
}
