#!/usr/bin/env python3
"""Makes the St. Louis test fixtures in this folder from the shared data (see README.md here).

Usage: python3 make-fixtures.py [DATA_DIR]   (default ../shared/data, relative to the repository root)

Every fixture row is a real row, copied unchanged: the harmonized sample as CSV text, the raw excerpts as
the original bytes (windows-1252, CRLF). Prints the counts the import tests expect, derived here with the
rules of docs/methods/incident-import.md, independently of the Java code.
"""
import collections
import csv
import datetime
import gzip
import io
import os
import sys
import zoneinfo

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
STL = os.path.join(DATA, 'stl-crime-slmpd')
HERE = os.path.dirname(os.path.abspath(__file__))

rows = list(csv.DictReader(gzip.open(os.path.join(STL, 'stl_crime_2008_2020_harmonized.csv.gz'), 'rt',
                                     encoding='utf-8', newline='')))
header = list(rows[0].keys())
for i, r in enumerate(rows):
    r['_i'] = i
by_file = collections.defaultdict(list)
for r in rows:
    by_file[r['SourceFile']].append(r)


def occurred(r):
    return datetime.datetime.strptime(r['DateOccur'], '%m/%d/%Y %H:%M')


def has_point(r):
    try:
        x, y = float(r['XCoord']), float(r['YCoord'])
    except ValueError:
        return False
    return 700000 < x < 1000000 and 900000 < y < 1200000


picked = {}


def pick(r, why):
    picked.setdefault(r['_i'], (r, why))


# a, b: the rows of the raw excerpts (first 40 data rows of the month and the rows with non-ASCII text)
RAW = {'August2014.CSV': [3312, 3613], 'November2008.csv': [3293, 3662]}
for name, extra in RAW.items():
    for k in list(range(40)) + extra:
        pick(by_file[name][k], 'raw excerpt ' + name)

with_complaint = [r for r in rows if r['Complaint']]
originals = collections.defaultdict(list)
for r in with_complaint:
    if r['Count'] == '1':
        originals[(r['Complaint'], r['Crime'])].append(r)
single = [r for r in with_complaint if r['Count'] == '-1' and len(originals.get((r['Complaint'], r['Crime']), [])) == 1]
# c: reversals by complaint and crime: unfounded, administrative, same month as the original
for r in [r for r in single if r['FlagUnfounded'] == 'Y' and r['CodedMonth'] >= '2015'][:4]:
    pick(r, 'unfounded reversal')
    pick(originals[(r['Complaint'], r['Crime'])][0], 'original of unfounded reversal')
for r in [r for r in single if r['FlagAdministrative'] == 'Y' and r['CodedMonth'] >= '2016'][:3]:
    pick(r, 'administrative reversal')
    pick(originals[(r['Complaint'], r['Crime'])][0], 'original of administrative reversal')
for r in [r for r in single if originals[(r['Complaint'], r['Crime'])][0]['CodedMonth'] == r['CodedMonth']
          and r['CodedMonth'] >= '2018'][:1]:
    pick(r, 'reversal in the month of its original')
    pick(originals[(r['Complaint'], r['Crime'])][0], 'original in the month of its reversal')


def fallback(r):
    return (r['Crime'], occurred(r), r['Neighborhood'])


without = [r for r in rows if not r['Complaint']]
fallback_originals = collections.defaultdict(list)
for r in without:
    if r['Count'] == '1':
        fallback_originals[fallback(r)].append(r)
# d: reversals without a complaint, matched by crime, time and neighbourhood
for r in [r for r in without if r['Count'] == '-1' and len(fallback_originals.get(fallback(r), [])) == 1
          and r['CodedMonth'] >= '2009'][:3]:
    pick(r, 'reversal without complaint')
    pick(fallback_originals[fallback(r)][0], 'original without complaint')
# e: a reversal with a complaint whose original (before mid-2013) has none
for r in [r for r in with_complaint if r['Count'] == '-1' and (r['Complaint'], r['Crime']) not in originals
          and len(fallback_originals.get(fallback(r), [])) == 1][:1]:
    pick(r, 'complaint reversal matched by fallback')
    pick(fallback_originals[fallback(r)][0], 'its original without complaint')
# f: a reversal whose original is in no file
for r in [r for r in with_complaint if r['Count'] == '-1' and (r['Complaint'], r['Crime']) not in originals
          and fallback(r) not in fallback_originals][:1]:
    pick(r, 'reversal without original')
# g: rows without a usable point
for r in [r for r in rows if r['Count'] == '1' and r['XCoord'] == '0' and r['Neighborhood'] != '0'
          and r['CodedMonth'] >= '2015'][:6]:
    pick(r, 'no point, coded neighbourhood')
for r in [r for r in rows if r['Count'] == '1' and r['XCoord'] == '0' and r['Neighborhood'] == '0'][:2]:
    pick(r, 'no point, neighbourhood 0')
for r in [r for r in rows if r['Count'] == '1' and r['XCoord'] not in ('0', '') and not has_point(r)][:1]:
    pick(r, 'point outside the valid box')
# h: identical rows (one complaint, two victims), with and without complaint
for k in [('14-012963', '91113')]:
    for r in originals[k]:
        pick(r, 'identical rows')
dups = collections.Counter(tuple(v for key, v in r.items() if key != '_i') for r in without if r['CodedMonth'] >= '2012')
twin = next(k for k, n in dups.items() if n == 2)
for r in without:
    if tuple(v for key, v in r.items() if key != '_i') == twin:
        pick(r, 'identical rows without complaint')
# i: occurred decades before it was coded
for r in by_file['January2008.csv'][:2]:
    pick(r, 'occurred before 2008')
# j: local times in a spring-forward gap and a fall-back overlap (America/Chicago)
CHICAGO = zoneinfo.ZoneInfo('America/Chicago')


def dst(r):
    t = occurred(r)
    early, late = t.replace(tzinfo=CHICAGO, fold=0), t.replace(tzinfo=CHICAGO, fold=1)
    if early.utcoffset() == late.utcoffset():
        return None
    back = early.astimezone(datetime.timezone.utc).astimezone(CHICAGO).replace(tzinfo=None)
    return 'gap' if back != t else 'overlap'


for kind in ('gap', 'overlap'):
    for r in [r for r in rows if r['Count'] == '1' and r['CodedMonth'] >= '2015' and dst(r) == kind][:1]:
        pick(r, 'DST ' + kind)
# k: one complaint and crime coded in two months: two records
for r in originals[('14-017511', '21000')]:
    pick(r, 'same complaint, two months')

sample = [picked[i][0] for i in sorted(picked)]
with open(os.path.join(HERE, 'stl-harmonized-sample.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=header, extrasaction='ignore', lineterminator='\n')
    w.writeheader()
    w.writerows(sample)


def raw_excerpt(name, lines, out):
    data = gzip.open(os.path.join(STL, 'raw-monthly', name + '.gz')).read()
    physical = data.split(b'\n')
    with open(os.path.join(HERE, out), 'wb') as f:
        f.write(b'\n'.join([physical[0]] + [physical[n] for n in lines]) + b'\n')


# raw line n is data row n-1 (1-based after the header); same rows as in the sample
raw_excerpt('August2014.CSV', list(range(1, 41)) + [3313, 3614], 'stl-raw-August2014-cp1252.csv')
raw_excerpt('November2008.csv', list(range(1, 41)) + [3294, 3663], 'stl-raw-November2008-cp1252.csv')

plus = [r for r in sample if r['Count'] == '1']
minus = [r for r in sample if r['Count'] == '-1']
why = collections.Counter(picked[i][1] for i in picked)
print('sample rows', len(sample), 'count=+1', len(plus), 'count=-1', len(minus))
for k, n in sorted(why.items()):
    print('  ', n, k)
# which reversals find an original within the sample (complaint + crime, else crime + time + neighbourhood)
taken = set()
matched = unfounded = 0
for r in sorted(minus, key=lambda r: (r['CodedMonth'], r['_i'])):
    cands = [o for o in plus if o['_i'] not in taken and r['Complaint'] and o['Complaint'] == r['Complaint']
             and o['Crime'] == r['Crime']]
    if not cands:
        cands = [o for o in plus if o['_i'] not in taken and not o['Complaint'] and fallback(o) == fallback(r)]
    if cands:
        taken.add(sorted(cands, key=lambda o: (o['CodedMonth'], o['_i']))[0]['_i'])
        matched += 1
        unfounded += r['FlagUnfounded'] == 'Y'
print('reversals matched', matched, 'of which unfounded', unfounded, 'pending', len(minus) - matched)
print('counted incidents', len(plus) - matched)
