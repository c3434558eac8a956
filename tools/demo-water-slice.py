#!/usr/bin/env python3
"""Cuts demo/cnemc-water-sections-2025-11_2026-02.csv.gz from the CNEMC water publication in ../shared.

Every record of file 1 (cnemc_water_auto_sections_2025-11_2026-02.csv: header, columns and cells unchanged) with two
columns appended, lat and lon: the coordinates of file 2 (cnemc_water_auto_sections_snapshot_2026-02-04.csv, geocoded
by its scraper from "province + section name", approximate), joined on province + section name; empty where file 2
has none. The geocoder placed some sections far off (it matched the name elsewhere: 草海中心 of 滇池, Kunming, was
put near 曲靖), so coordinates are kept only when they fall inside the section's own prefecture (所在地市; the
district for the municipalities) on the portal's shipped map (envmon-web/.../static/geo/province/*.json), or inside its
province when the record names no prefecture the map knows; and coordinates shared by two or more sections are dropped
too (the geocoder's fallback to a town or city centre, e.g. 姜公堰 and 柏枝 both at the centre of 成都). Deterministic: same input, same bytes (gzip without name
or time).

Usage: python3 tools/demo-water-slice.py [SHARED_WATER_DIR] [OUT]
"""
import csv
import glob
import gzip
import io
import json
import os
import sys

GEO = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'envmon-web', 'src', 'main', 'resources',
                   'static', 'geo')


def rings(geometry):
    polys = geometry['coordinates'] if geometry['type'] == 'MultiPolygon' else [geometry['coordinates']]
    return [poly for poly in polys]


def inside(lon, lat, polys):
    """Ray casting; a polygon's first ring is its outline, the others its holes."""
    for poly in polys:
        def hit(ring):
            c = False
            j = len(ring) - 1
            for i in range(len(ring)):
                xi, yi = ring[i][0], ring[i][1]
                xj, yj = ring[j][0], ring[j][1]
                if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                    c = not c
                j = i
            return c
        if hit(poly[0]) and not any(hit(h) for h in poly[1:]):
            return True
    return False


provinces = {}   # province name -> list of polygons
prefectures = {}  # (province name, prefecture name) -> list of polygons
for f in json.load(open(os.path.join(GEO, 'china.json'), encoding='utf-8'))['features']:
    provinces[f['properties']['name']] = (f.get('id') or f['properties'].get('id'), rings(f['geometry']))
for path in glob.glob(os.path.join(GEO, 'province', '*.json')):
    code = os.path.basename(path)[:6]
    for f in json.load(open(path, encoding='utf-8'))['features']:
        prefectures[(code, f['properties']['name'])] = rings(f['geometry'])


def province_of(name):
    for p, (code, polys) in provinces.items():
        if name.startswith(p):
            return code, polys
    return None, None


def plausible(province, city, lat, lon):
    code, polys = province_of(province)
    if polys is None:
        return False
    own = prefectures.get((str(code), city)) if code else None
    return inside(lon, lat, own if own else polys)

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/water'
out = sys.argv[2] if len(sys.argv) > 2 else 'demo/cnemc-water-sections-2025-11_2026-02.csv.gz'

with open(src + '/cnemc_water_auto_sections_snapshot_2026-02-04.csv', encoding='utf-8', newline='') as f:
    coords = {(r['省份'], r['断面名称']): (r['lat'], r['lon']) for r in csv.DictReader(f) if r['lat'] and r['lon']}
shared = {c for c in coords.values() if list(coords.values()).count(c) > 1}

buf = io.StringIO()
w = csv.writer(buf, lineterminator='\n')
rows = placed = 0
sections, placed_sections = set(), set()
with open(src + '/cnemc_water_auto_sections_2025-11_2026-02.csv', encoding='utf-8', newline='') as f:
    r = csv.reader(f)
    header = next(r)
    w.writerow(header + ['lat', 'lon'])
    prov, name, city = header.index('省份'), header.index('断面名称'), header.index('所在地市')
    cities = {}
    rows_in = list(r)
    for row in rows_in:
        if row[city]:
            cities.setdefault((row[prov], row[name]), row[city])
    withheld = set()
    for row in rows_in:
        key = (row[prov], row[name])
        lat, lon = coords.get(key, ('', ''))
        if lat and ((lat, lon) in shared or not plausible(row[prov], cities.get(key, ''), float(lat), float(lon))):
            withheld.add(key)
            lat, lon = '', ''
        w.writerow(row + [lat, lon])
        rows += 1
        sections.add(key)
        if lat:
            placed += 1
            placed_sections.add(key)

with open(out, 'wb') as f:
    with gzip.GzipFile(filename='', mode='wb', fileobj=f, mtime=0, compresslevel=9) as g:
        g.write(buf.getvalue().encode('utf-8'))
print(f'{out}: {rows} records of {len(sections)} sections; coordinates for {len(placed_sections)} sections '
      f'({placed} records); withheld (outside their prefecture or province, or shared): {len(withheld)}', file=sys.stderr)
for k in sorted(withheld):
    print('  withheld', k, coords[k], file=sys.stderr)
