#!/usr/bin/env python3
"""Writes static/portal/city-initials.json: each city of the national air station list (demo/sites-air-cnemc.csv)
with the pinyin initials of its name (北京 → BJ), for the portal's city search.

No pinyin library is needed: GB 2312 level-1 hanzi (codes B0A1..D7F9) are ordered by pinyin, so a character's
initial is found from the first code of each letter's block. Characters outside level 1 (level 2 is ordered by
radical) and polyphones read otherwise in place names (重庆 Chóngqìng, 蚌埠 Bèngbù, ...) are listed in OVERRIDES,
and the script fails on a character it cannot place, so a new city name cannot slip through with a wrong initial.

Usage: python3 envmon-web/tools/city-initials.py
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
STATIONS = os.path.join(HERE, '..', '..', 'demo', 'sites-air-cnemc.csv')
TARGET = os.path.join(HERE, '..', 'src', 'main', 'resources', 'static', 'portal', 'city-initials.json')

# First GB 2312 code of each initial's block (I, U, V have none).
BLOCKS = [(0xB0A1, 'A'), (0xB0C5, 'B'), (0xB2C1, 'C'), (0xB4EE, 'D'), (0xB6EA, 'E'), (0xB7A2, 'F'), (0xB8C1, 'G'),
          (0xB9FE, 'H'), (0xBBF7, 'J'), (0xBFA6, 'K'), (0xC0AC, 'L'), (0xC2E8, 'M'), (0xC4C3, 'N'), (0xC5B6, 'O'),
          (0xC5BE, 'P'), (0xC6DA, 'Q'), (0xC8BB, 'R'), (0xC8F6, 'S'), (0xCBFA, 'T'), (0xCDDA, 'W'), (0xCEF4, 'X'),
          (0xD1B9, 'Y'), (0xD4D1, 'Z'), (0xD7FA, None)]

# Place-name readings and characters outside GB 2312 level 1.
OVERRIDES = {
    '重': 'C', '蚌': 'B', '六': 'L', '厦': 'X', '长': 'C', '乐': 'L', '朝': 'C', '单': 'S', '莘': 'S',
    '亳': 'B', '衢': 'Q', '儋': 'D', '漯': 'L', '濮': 'P', '泸': 'L', '邯': 'H', '郸': 'D', '邢': 'X', '邛': 'Q',
    '鄂': 'E', '郴': 'C', '阜': 'F', '婺': 'W', '崂': 'L', '嵊': 'S', '琼': 'Q', '雅': 'Y', '滁': 'C', '淄': 'Z',
    '菏': 'H', '泗': 'S', '猇': 'X', '黟': 'Y', '歙': 'S', '圳': 'Z', '莞': 'G', '揭': 'J', '汕': 'S', '梧': 'W',
    '钦': 'Q', '崇': 'C', '柳': 'L', '桂': 'G', '贺': 'H', '邕': 'Y', '嘉': 'J', '峪': 'Y', '酒': 'J', '喀': 'K',
    '昌': 'C', '吉': 'J', '克': 'K', '塔': 'T', '阿': 'A', '伊': 'Y', '哈': 'H', '博': 'B', '巴': 'B', '和': 'H',
    '吐': 'T', '鲁': 'L', '番': 'F', '石': 'S', '沧': 'C', '衡': 'H', '承': 'C', '廊': 'L',
    '秦': 'Q', '唐': 'T', '保': 'B', '张': 'Z', '家': 'J', '口': 'K', '藏': 'Z', '那': 'N', '曲': 'Q', '喇': 'L',
    '泾': 'J', '汾': 'F', '忻': 'X', '晋': 'J', '朔': 'S', '临': 'L', '潞': 'L', '宿': 'S', '亚': 'Y', '盱': 'X',
    '眙': 'Y', '丽': 'L', '湄': 'M', '黔': 'Q', '遵': 'Z', '毕': 'B', '铜': 'T', '凯': 'K', '都': 'D', '匀': 'Y',
    '儿': 'E', '屯': 'T', '齐': 'Q', '珲': 'H', '佳': 'J', '牡': 'M', '绥': 'S', '鹤': 'H', '鸡': 'J', '伦': 'L',
    '锡': 'X', '浩': 'H', '兖': 'Y', '莒': 'J', '滕': 'T', '濉': 'S', '颍': 'Y', '涪': 'F', '綦': 'Q', '璧': 'B',
    '潼': 'T', '阆': 'L', '巫': 'W', '攀': 'P', '枝': 'Z', '邵': 'S', '娄': 'L', '醴': 'L', '湘': 'X', '潭': 'T',
    '岳': 'Y', '汨': 'M', '澧': 'L', '芷': 'Z', '沅': 'Y', '邳': 'P', '溧': 'L', '鄞': 'Y', '瓯': 'O', '暨': 'J',
    '於': 'Y', '仑': 'L', '嶂': 'Z', '畲': 'S', '碚': 'B', '涞': 'L', '蓟': 'J', '坻': 'D', '沽': 'G', '洮': 'T',
    '岷': 'M', '宕': 'D', '陇': 'L', '兰': 'L', '浚': 'X', '淇': 'Q', '鹰': 'Y', '赣': 'G', '袁': 'Y', '萍': 'P',
}
# Whole names read otherwise than character by character would give.
NAMES = {}


def initial(ch):
    if ch in OVERRIDES:
        return OVERRIDES[ch]
    try:
        b = ch.encode('gb2312')
    except UnicodeEncodeError:
        raise SystemExit('no initial for ' + ch + ': add it to OVERRIDES')
    if len(b) != 2:
        return ch.upper() if ch.isalnum() else ''
    code = (b[0] << 8) | b[1]
    if not 0xB0A1 <= code <= 0xD7F9:
        raise SystemExit('no initial for ' + ch + ' (GB 2312 level 2): add it to OVERRIDES')
    for (start, letter), (nxt, _) in zip(BLOCKS, BLOCKS[1:]):
        if start <= code < nxt:
            return letter
    raise SystemExit('no initial for ' + ch)


def main():
    cities = set()
    with open(STATIONS, encoding='utf-8') as f:
        for row in csv.DictReader(f):
            if row.get('city'):
                cities.add(row['city'])
    table = {c: NAMES.get(c) or ''.join(initial(ch) for ch in c) for c in sorted(cities)}
    with open(TARGET, 'w', encoding='utf-8') as f:
        json.dump(table, f, ensure_ascii=False, separators=(',', ':'), sort_keys=True)
    print('wrote', len(table), 'cities to', os.path.normpath(TARGET))


if __name__ == '__main__':
    main()
