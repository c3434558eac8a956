#!/usr/bin/env python3
"""Slices the China map base layer for the portal (envmon-web/src/main/resources/static/geo/).

Input: ../shared/data/geo (ECharts 4.9.0 maps decoded to GeoJSON; see its README). Output, compact JSON:
  china.json                     the provinces, properties name, id (GB/T 2260), cp (label point)
  province/<id>.json             the prefectures (districts for municipalities) of one province, properties name, cp
  provinces.json                 index: [{name, id, file}]
Coordinates are rounded to 3 decimals (~100 m): the data's own quantisation is 1/1024 deg, so nothing is lost
that the source had; consecutive duplicate points after rounding are dropped. Standard library only.

Usage: python3 envmon-web/tools/geo-slice.py [SOURCE_DIR] [TARGET_DIR]
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'geo')
TARGET = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..', 'src', 'main', 'resources', 'static', 'geo')

# The source's file names (pinyin; shanxi1 = 陕西) by the province's short name in china-provinces.geojson.
FILES = {
    '北京': 'beijing', '天津': 'tianjin', '河北': 'hebei', '山西': 'shanxi', '内蒙古': 'neimenggu', '辽宁': 'liaoning',
    '吉林': 'jilin', '黑龙江': 'heilongjiang', '上海': 'shanghai', '江苏': 'jiangsu', '浙江': 'zhejiang',
    '安徽': 'anhui', '福建': 'fujian', '江西': 'jiangxi', '山东': 'shandong', '河南': 'henan', '湖北': 'hubei',
    '湖南': 'hunan', '广东': 'guangdong', '广西': 'guangxi', '海南': 'hainan', '重庆': 'chongqing',
    '四川': 'sichuan', '贵州': 'guizhou', '云南': 'yunnan', '西藏': 'xizang', '陕西': 'shanxi1', '甘肃': 'gansu',
    '青海': 'qinghai', '宁夏': 'ningxia', '新疆': 'xinjiang', '台湾': 'taiwan', '香港': 'xianggang', '澳门': 'aomen',
}


def ring(points):
    out = []
    for lon, lat in points:
        p = [round(lon, 3), round(lat, 3)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def geometry(g):
    if g['type'] == 'Polygon':
        return {'type': 'Polygon', 'coordinates': [ring(r) for r in g['coordinates']]}
    if g['type'] == 'MultiPolygon':
        return {'type': 'MultiPolygon', 'coordinates': [[ring(r) for r in poly] for poly in g['coordinates']]}
    raise ValueError('unexpected geometry ' + g['type'])


def slim(feature, extra=None):
    p = feature['properties']
    props = {'name': p['name']}
    if 'cp' in p:
        props['cp'] = [round(c, 3) for c in p['cp']]
    props.update(extra or {})
    return {'type': 'Feature', 'properties': props, 'geometry': geometry(feature['geometry'])}


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, separators=(',', ':'))


def main():
    with open(os.path.join(SOURCE, 'china-provinces.geojson'), encoding='utf-8') as f:
        china = json.load(f)
    features, index = [], []
    for feat in china['features']:
        name, pid = feat['properties']['name'], feat['properties']['id']
        features.append(slim(feat, {'id': pid}))
        with open(os.path.join(SOURCE, 'province', FILES[name] + '.geojson'), encoding='utf-8') as f:
            prov = json.load(f)
        write(os.path.join(TARGET, 'province', pid + '.json'),
              {'type': 'FeatureCollection', 'features': [slim(x) for x in prov['features']]})
        index.append({'name': name, 'id': pid, 'file': 'province/' + pid + '.json'})
    write(os.path.join(TARGET, 'china.json'), {'type': 'FeatureCollection', 'features': features})
    write(os.path.join(TARGET, 'provinces.json'), sorted(index, key=lambda x: x['id']))
    for name in ('ECHARTS-LICENSE.txt', 'ECHARTS-NOTICE.txt'):
        shutil.copyfile(os.path.join(SOURCE, name), os.path.join(TARGET, name))
    print('wrote', len(features), 'provinces to', os.path.normpath(TARGET))


if __name__ == '__main__':
    main()
