// Registering a site or editing one (an admin, or an operator within its division). The MN is set on registration
// only; the station's HJ 212 password comes from the rotation button, never from this form.
import { banner, t } from '/portal/common.js';
import { send, el } from '/console/session.js';

const MEDIA = ['air', 'surface_water', 'groundwater', 'soil', 'sea', 'noise', 'radiation', 'ecology', 'ghg',
  'source_gas', 'source_water'];

/** A form for a new site (site = null) or an edit of one; onSaved runs after the server accepted it. */
export function siteForm(site, onSaved) {
  // Ids differ between the add form and the edit form: both may be on the page.
  const prefix = site ? 'site-edit-' : 'site-';
  const input = (id, value, attrs = {}) => el('input', { id: prefix + id, value: value ?? '', ...attrs });
  const code = input('code', site?.code, { maxlength: 32, pattern: '[A-Za-z0-9_-]+', required: true, disabled: !!site });
  const name = input('name', site?.name, { maxlength: 100, required: true });
  const medium = el('select', { id: prefix + 'medium' }, ...MEDIA.map(m => el('option', { value: m, selected: site?.medium === m }, m)));
  const mn = input('mn', site?.mn, { maxlength: 24, pattern: '[A-Za-z0-9]+', disabled: !!site });
  const province = input('province', site?.province, { maxlength: 50, required: true });
  const city = input('city', site?.city, { maxlength: 50, required: true });
  const county = input('county', site?.county, { maxlength: 50 });
  const lat = input('latitude', site?.latitude, { type: 'number', step: 'any', min: -90, max: 90, required: true, size: 8 });
  const lon = input('longitude', site?.longitude, { type: 'number', step: 'any', min: -180, max: 180, required: true, size: 8 });
  const control = el('input', { id: prefix + 'control', type: 'checkbox', checked: !!site?.control });
  const save = async e => {
    e.preventDefault();
    const body = { name: name.value.trim(), medium: medium.value, province: province.value.trim(),
      city: city.value.trim(), county: county.value.trim() || null, basin: site?.basin ?? null,
      latitude: Number(lat.value), longitude: Number(lon.value), control: control.checked,
      // A section's water attributes are kept as they are (the CSV import sets them).
      waterbody: site?.waterbody ?? null, targetClass: site?.targetClass ?? null,
      drinkingWaterSource: site?.drinkingWaterSource ?? null };
    if (medium.value !== 'surface_water') Object.assign(body, { waterbody: null, targetClass: null, drinkingWaterSource: null });
    try {
      if (site) await send('PUT', '/api/v1/sites/' + encodeURIComponent(site.code), body);
      else await send('POST', '/api/v1/sites', { ...body, code: code.value.trim(), mn: mn.value.trim() || null });
      await onSaved();
    } catch (err) {
      banner(err.message);
    }
  };
  return el('form', { class: 'filters', id: site ? 'site-edit-form' : 'site-add-form', onsubmit: save },
    el('label', {}, t('code'), code), el('label', {}, t('name'), name), el('label', {}, t('medium'), medium),
    el('label', {}, t('mn'), mn), el('label', {}, t('province'), province), el('label', {}, t('city'), city),
    el('label', {}, t('county'), county), el('label', {}, t('latitude'), lat), el('label', {}, t('longitude'), lon),
    el('label', {}, t('control-site'), control),
    el('button', { type: 'submit', id: site ? 'site-save' : 'site-create' }, t(site ? 'save' : 'add-site')));
}
