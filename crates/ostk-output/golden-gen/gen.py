#!/usr/bin/env python3
"""Generate golden outputs for ostk-output from the real cliff formatters.

Run with the python-openstackclient venv:
    /tmp/ostk-devcloud/venv-osc/bin/python crates/ostk-output/golden-gen/gen.py

Writes crates/ostk-output/tests/golden/cases.json (the inputs) and one
expected-output file per case and format: <case>.<fmt> (or <case>.<fmt>.err
holding the error message when cliff raises).

Cell encoding in cases.json: JSON scalars map to plain Python values;
{"$raw": v} is a plain dict/list; {"$dict": {...}}, {"$list": [...]},
{"$listdict": [...]}, {"$dictlist": {...}}, {"$size": n} are osc_lib
formattable columns.
"""
import io
import json
import os
import sys
import types

os.environ.pop('CLIFF_MAX_TERM_WIDTH', None)
os.environ.pop('CLIFF_FIT_WIDTH', None)

from cliff import lister, show  # noqa: E402
from cliff.formatters import table as table_mod  # noqa: E402
from osc_lib.cli import format_columns as fc  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'tests', 'golden')

LIST_FORMATS = ['table', 'csv', 'json', 'value', 'yaml']
SHOW_FORMATS = ['table', 'json', 'shell', 'value', 'yaml']


def decode(c):
    if isinstance(c, dict) and set(c) == {'$float'}:
        return float(c['$float'])
    if isinstance(c, dict) and len(c) == 1:
        (k, v), = c.items()
        if k == '$raw':
            return v
        if k == '$dict':
            return fc.DictColumn(v)
        if k == '$list':
            return fc.ListColumn(v)
        if k == '$listdict':
            return fc.ListDictColumn(v)
        if k == '$dictlist':
            return fc.DictListColumn(v)
        if k == '$size':
            return fc.SizeColumn(v)
    return c


class FakeApp:
    def __init__(self):
        self.stdout = io.StringIO()
        self.command_manager = types.SimpleNamespace(namespace='ostk.golden')


class L(lister.Lister):
    data = None

    def take_action(self, parsed_args):
        cols, rows = self.data
        return tuple(cols), [[decode(c) for c in r] for r in rows]


class S(show.ShowOne):
    data = None

    def take_action(self, parsed_args):
        cols, vals = self.data
        return tuple(cols), tuple(decode(c) for c in vals)


def run(kind, data, argv, tty_width=None):
    app = FakeApp()
    cls = L if kind == 'list' else S
    cmd = cls(app, None, cmd_name='golden')
    cmd.data = data
    parser = cmd.get_parser('golden')
    parsed = parser.parse_args(argv)
    saved = (table_mod._do_fit, table_mod.utils.terminal_width)
    if tty_width is not None:
        table_mod._do_fit = lambda fit: True
        table_mod.utils.terminal_width = lambda: tty_width
    try:
        cmd.run(parsed)
        return app.stdout.getvalue(), None
    except Exception as e:  # cliff reports str(e) and exits 1
        return None, str(e)
    finally:
        table_mod._do_fit, table_mod.utils.terminal_width = saved


CASES = []


def case(name, kind, columns, data, argv=(), formats=None, tty_width=None):
    CASES.append(dict(name=name, kind=kind, columns=columns, data=data,
                      argv=list(argv), formats=formats, tty_width=tty_width))


# ---------------------------------------------------------------- lists
case('list_basic', 'list', ['ID', 'Name', 'Status'],
     [['1a2b', 'alpha', 'ACTIVE'], ['3c4d', 'beta', 'SHUTOFF']])
case('list_types', 'list', ['Int', 'Float', 'Bool', 'None', 'Str'],
     [[1, 1.5, True, None, 'x'], [-20, 0.1, False, None, ''],
      [300000, 1e16, True, None, 'long string'], [0, 1e-05, False, None, '0']])
case('list_types_second_row_int', 'list', ['A', 'B'],
     [['x', None], [12, 3.25]])
case('list_empty', 'list', ['ID', 'Name'], [])
case('list_empty_print_empty', 'list', ['ID', 'Name'], [], ['--print-empty'],
     formats=['table'])
case('list_no_columns_match', 'list', ['ID', 'Name'], [['1', 'a']],
     ['-c', 'foo'])
case('list_select_columns', 'list', ['ID', 'Name', 'Status', 'Server Name'],
     [['1', 'a', 'ACTIVE', 's1'], ['2', 'b', 'ERROR', 's2']],
     ['-c', 'server_name', '-c', 'ID', '-c', 'bogus'])
case('list_select_columns_case', 'list', ['ID', 'Name', 'Status'],
     [['1', 'a', 'ACTIVE']], ['-c', ' name ', '-c', 'STATUS'])
case('list_sort_int_asc', 'list', ['N', 'Name'],
     [[3, 'c'], [1, 'a'], [2, 'b'], [10, 'j']], ['--sort-column', 'N'])
case('list_sort_int_desc', 'list', ['N', 'Name'],
     [[3, 'c'], [1, 'a'], [2, 'b'], [10, 'j']],
     ['--sort-column', 'N', '--sort-descending'])
case('list_sort_str', 'list', ['Name', 'Other'],
     [['beta', 1], ['Alpha', 2], ['alpha', 3], ['Beta', 4], ['é', 5]],
     ['--sort-column', 'name'])
case('list_sort_multi', 'list', ['Group', 'Name', 'N'],
     [['b', 'x', 1], ['a', 'y', 2], ['b', 'a', 3], ['a', 'b', 4]],
     ['--sort-column', 'Group', '--sort-column', 'Name'])
case('list_sort_none', 'list', ['Name', 'N'],
     [['a', None], ['b', 2], ['c', None], ['d', 1]],
     ['--sort-column', 'N'])
case('list_sort_none_desc', 'list', ['Name', 'N'],
     [['a', None], ['b', 2], ['c', None], ['d', 1]],
     ['--sort-column', 'N', '--sort-descending'])
case('list_sort_mixed_types', 'list', ['Name', 'V'],
     [['a', 'x'], ['b', 2], ['c', 1]],
     ['--sort-column', 'V'])
case('list_sort_unknown', 'list', ['Name', 'V'],
     [['b', 1], ['a', 2]], ['--sort-column', 'nope'])
case('list_sort_unselected', 'list', ['Name', 'V'],
     [['b', 1], ['a', 2], ['c', 0]], ['--sort-column', 'V', '-c', 'Name'])
case('list_sort_stable_desc', 'list', ['K', 'Order'],
     [[1, 'first'], [2, 'x'], [1, 'second'], [1, 'third']],
     ['--sort-column', 'K', '--sort-descending'])
case('list_sort_mixed_numeric', 'list', ['V'],
     [[2], [1.5], [True], [0]], ['--sort-column', 'V'])
case('list_sort_lists', 'list', ['V'],
     [[{'$raw': [2, 1]}], [{'$raw': [1, 5]}], [{'$raw': [1]}]],
     ['--sort-column', 'V'])
case('list_unicode', 'list', ['Name', 'Desc'],
     [['café', 'naïve résumé'], ['日本語', '中文字符'], ['emoji 😀', '🎉🎉'],
      ['ascii', 'plain']])
case('list_unicode_header', 'list', ['名前', 'Ünïcode'],
     [['値', 'x'], ['abc', 'ü']])
case('list_newlines', 'list', ['ID', 'Text'],
     [['1', 'line one\nline two\nline three'], ['2', 'single'],
      ['3', 'crlf\r\nsecond\rcr']])
case('list_tabs', 'list', ['ID', 'Text'], [['1', 'a\tb'], ['2', '\tlead']])
case('list_special_chars', 'list', ['Name', 'Value'],
     [['quote"d', "it's"], ['back\\slash', 'comma,sep'], ['dollar$x', '`tick`']])
case('list_dict_columns', 'list', ['ID', 'Props', 'Tags', 'Addresses'],
     [['1', {'$dict': {'b': 2, 'a': 'x', 'c': None, 'n': {'x': 1}}},
       {'$list': ['z', 'a', 'm']},
       {'$dictlist': {'public': ['2001:db8::8', '172.24.4.6'], 'private': ['10.0.0.1']}}],
      ['2', {'$dict': {}}, {'$list': []}, {'$dictlist': {}}]])
case('list_listdict', 'list', ['ID', 'Rules'],
     [['1', {'$listdict': [{'port': 22, 'proto': 'tcp'}, {'port': 80, 'proto': 'tcp'}]}]])
case('list_size', 'list', ['Name', 'Size'],
     [['a', {'$size': 0}], ['b', {'$size': 1234}], ['c', {'$size': 1000000}],
      ['d', {'$size': 5368709120}], ['e', {'$size': 999}]])
case('list_raw', 'list', ['ID', 'Meta', 'List'],
     [['1', {'$raw': {'k': 'v', 'n': 1, 'b': True, 'z': None, 'f': 1.0}},
       {'$raw': ['a', "it's", 'q"q', 1, None]}],
      ['2', {'$raw': {}}, {'$raw': []}]])
case('list_raw_nested', 'list', ['ID', 'Deep'],
     [['1', {'$raw': {'outer': {'inner': [1, 2, {'x': 'y'}]}, 'empty': {}, 'el': []}}]])
case('list_yaml_quoting', 'list', ['Value'],
     [[s] for s in ['yes', 'no', 'on', 'Off', 'true', 'False', 'null', '~', '',
                    '1', '1.0', '-1', '0x1F', '0o17', '017', '1_000', '1e3', '1.5e+3',
                    '.inf', '-.Inf', '.nan', '2024-01-01', '2024-01-01 10:00:00',
                    '2001-12-14t21:59:43.10-05:00', '12:30', '1:20:30', '=', '<<',
                    'a: b', 'a:b', 'key:', ' leading', 'trailing ', '#x', 'a #x', 'a#x',
                    '- x', '-x', '-', '? x', '?x', '@at', '`tick', '!bang', '&amp', '*star',
                    '|pipe', '>gt', "'single", '"double', '%pct', '[x]', 'a[x]', '{x}',
                    'a, b', 'x,', '---', '...', '--- x', 'y', 'Y', 'n', 'NO',
                    'it\'s', 'a\\b', 'tab\there', 'bell\x07', 'nbsp\xa0x', 'é', '😀',
                    'line1\nline2', 'trail\n', '\nlead', 'sp \nx', 'x\n y', 'a\n\nb']])
case('list_yaml_long', 'list', ['Text'],
     [['word ' * 30],
      ['x' * 100],
      [('lorem ipsum dolor sit amet ' * 6).strip()],
      [('é and more text ' * 8).strip()],
      [('quoted: needed ' * 10).strip()],
      [('yes' + ' no' * 40)],
      [('two  spaces  ' * 10).strip()]])
case('list_floats', 'list', ['F'],
     [[0.0], [-0.0], [1.0], [0.1], [1 / 3], [1e22], [1.5e-7], [123456789.125],
      [1e15], [2.5e-4], [float('inf')], [float('-inf')], [100.0]],
     formats=['table', 'csv', 'json', 'value', 'yaml'])
case('list_bigints', 'list', ['N'], [[2**62], [-2**63], [123]])
case('list_long_values', 'list', ['ID', 'Name', 'Description'],
     [['0123456789abcdef0123456789abcdef', 'a-fairly-long-name-with-hyphens',
       'The quick brown fox jumps over the lazy dog. ' * 3],
      ['2', 'short', 'tiny']])
for w in (40, 80, 120):
    case(f'list_max_width_{w}', 'list', ['ID', 'Name', 'Description'],
         [['0123456789abcdef0123456789abcdef', 'a-fairly-long-name-with-hyphens',
           'The quick brown fox jumps over the lazy dog. ' * 3],
          ['2', 'short', 'tiny'],
          ['3', 'x', 'unbreakable' * 12]],
         ['--max-width', str(w)], formats=['table'])
case('list_max_width_many_cols', 'list', [f'Column {i}' for i in range(8)],
     [[f'value-{i}-' + 'x' * (i * 3) for i in range(8)]],
     ['--max-width', '60'], formats=['table'])
case('list_max_width_unicode', 'list', ['ID', 'Text'],
     [['1', '日本語のテキストはとても長いです。' * 3], ['2', 'émoji 😀 ' * 10]],
     ['--max-width', '40'], formats=['table'])
case('list_max_width_fits', 'list', ['A', 'B'], [['x', 'y']],
     ['--max-width', '80'], formats=['table'])
case('list_max_width_newlines', 'list', ['ID', 'Text'],
     [['1', 'first line is quite long and needs wrapping here\nsecond line also long enough to wrap around'],
      ['2', {'$listdict': [{'a': 'x' * 30, 'b': 'y' * 30}, {'c': 'z' * 20}]}]],
     ['--max-width', '50'], formats=['table'])
case('list_max_width_hyphens', 'list', ['ID', 'Text'],
     [['1', 'well-known-hyphenated-words-should-break-at-hyphens ok'],
      ['2', 'em--dash between--words and a-b-c-d-e-f-g-h-i-j-k'],
      ['3', '123-456-789-012-345-678-901-234-567-890-123']],
     ['--max-width', '30'], formats=['table'])
case('list_max_width_tiny', 'list', ['ID', 'Text'],
     [['12345678901234567890', 'abc def ghi jkl mno pqr stu']],
     ['--max-width', '10'], formats=['table'])
case('list_tty_width', 'list', ['ID', 'Name', 'Description'],
     [['0123456789abcdef0123456789abcdef', 'name', 'The quick brown fox jumps over the lazy dog. ' * 2]],
     formats=['table'], tty_width=60)
case('list_tty_width_wide_enough', 'list', ['ID', 'Name'],
     [['1', 'name']], formats=['table'], tty_width=60)
case('list_fit_width_no_tty', 'list', ['ID', 'Description'],
     [['1', 'The quick brown fox jumps over the lazy dog. ' * 4]],
     ['--fit-width'], formats=['table'])
case('list_noindent', 'list', ['ID', 'Props'],
     [['1', {'$dict': {'b': 2, 'a': [1, 2]}}], ['2', {'$dict': {}}]],
     ['--noindent'], formats=['json'])
case('list_json_escapes', 'list', ['S'],
     [['quote " and \\ backslash'], ['ctrl \x01\x1f \t\n\r\b\f'], ['é ü ß'],
      ['日本'], ['😀 astral'], ['\u2028\u2029'], ['/slash'], ['\x7f del']],
     formats=['json', 'yaml', 'csv', 'value'])
for q in ('all', 'minimal', 'none', 'nonnumeric'):
    case(f'list_csv_quote_{q}', 'list', ['Name', 'N', 'F', 'B', 'Z', 'Props'],
         [['plain', 1, 1.5, True, None, {'$dict': {'a': 1}}],
          ['has,comma', -2, 0.1, False, None, {'$list': ['x', 'y']}],
          ['has"quote', 0, 2.0, True, None, {'$raw': {'k': 'v'}}],
          ['back\\slash', 3, 1e20, False, None, {'$raw': [1, 'two']}],
          ['new\nline', 4, -1.25, True, None, {'$size': 2048}],
          [' spaced ', 5, 3.0, False, None, 'tail']],
         ['--quote', q], formats=['csv'])
case('list_csv_single_empty', 'list', ['Only'], [[''], [None], ['x']],
     ['--quote', 'minimal'], formats=['csv'])
case('list_single_column', 'list', ['Name'], [['a'], ['b']])
case('list_wide_row', 'list', ['A', 'B', 'C', 'D', 'E', 'F'],
     [[1, 2.5, 'three', True, None, {'$list': ['x']}]])
case('list_empty_strings', 'list', ['A', 'B'], [['', ''], ['x', '']])
case('list_column_names_special', 'list', ['Server Name', 'os-ext:attr', 'Weird-Key'],
     [['s', 'v', 'w']])
case('list_select_all_formats_order', 'list', ['A', 'B', 'C'],
     [[1, 2, 3]], ['-c', 'C', '-c', 'A'])
case('list_yaml_key_sorting', 'list', ['Zeta', 'alpha', 'Beta', 'ID'],
     [['z', 'a', 'b', 1]], formats=['yaml', 'json'])
case('list_nested_lists', 'list', ['L'],
     [[{'$raw': [[1, 2], [], [{'a': [3, {'b': []}]}]]}],
      [{'$raw': {'k': [[{'x': 1}]], 'e': [{}]}}]],
     formats=['json', 'yaml', 'value', 'table'])
case('list_repr_strings', 'list', ['R'],
     [[{'$raw': ["plain", "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'nl\nx', 'tab\tx', 'é', '\x01']}]],
     formats=['table', 'value', 'csv'])

# ---------------------------------------------------------------- show
SERVER = (['accessIPv4', 'addresses', 'created', 'flavor', 'id', 'name',
           'properties', 'security_groups', 'status', 'volumes_attached'],
          ['', {'$dictlist': {'private': ['10.0.0.5', 'fd00::5']}},
           '2024-01-01T10:00:00Z', 'm1.small (2)',
           'b0a1c2d3-e4f5-6789-abcd-ef0123456789', 'my-server',
           {'$dict': {'k1': 'v1', 'k2': 'v2'}},
           {'$listdict': [{'name': 'default'}, {'name': 'ssh'}]},
           'ACTIVE', {'$listdict': []}])
case('show_server', 'show', *SERVER)
case('show_server_prefix', 'show', *SERVER, ['--prefix', 'srv_'], formats=['shell'])
case('show_server_select', 'show', *SERVER, ['-c', 'name', '-c', 'id', '-c', 'status'])
case('show_unknown_column', 'show', *SERVER, ['-c', 'nope'])
case('show_server_noindent', 'show', *SERVER, ['--noindent'], formats=['json'])
case('show_types', 'show', ['int', 'float', 'bool', 'none', 'str', 'empty'],
     [42, 2.5, True, None, 'hello', ''])
case('show_empty', 'show', [], [])
case('show_shell_escaping', 'show', ['Name', 'os-ext:attr', 'Some Field', 'quote', 'dollar', 'raw', 'fmt'],
     ['plain', 'x', 'y', 'say "hi"', '$HOME and `cmd` and \\', {'$raw': {'a': "q'\"x"}},
      {'$dict': {'a': 'say "x"'}}], formats=['shell', 'value'])
case('show_unicode', 'show', ['name', 'description', 'emoji'],
     ['café', '日本語の説明', '😀 party 🎉'])
case('show_multiline', 'show', ['name', 'script'],
     ['x', '#!/bin/sh\necho hello\n\nexit 0\n'])
case('show_long_value', 'show', ['id', 'description'],
     ['abc', 'The quick brown fox jumps over the lazy dog. ' * 5])
for w in (40, 80):
    case(f'show_max_width_{w}', 'show', ['id', 'a_rather_long_field_name', 'description'],
         ['abc', 'v', 'The quick brown fox jumps over the lazy dog. ' * 5],
         ['--max-width', str(w)], formats=['table'])
case('show_max_width_tiny', 'show', ['identifier', 'description'],
     ['abc', 'The quick brown fox jumps over the lazy dog.'],
     ['--max-width', '20'], formats=['table'])
case('show_yaml_values', 'show', ['yes', 'n', 'empty', 'nested', 'list', 'num_str', 'date', 'key: colon'],
     ['yes', 'no', '', {'$raw': {'b': [1, 'two', None], 'a': {'z': True}}},
      {'$raw': ['a', {'k': 'v', 'j': [1]}]}, '123', '2024-01-01', 'v'],
     formats=['yaml', 'json', 'table'])
case('show_yaml_multiline_key', 'show', ['multi\nline', 'x'], ['v', 'w'],
     formats=['yaml', 'json'])
case('show_formatted_machine', 'show', ['props', 'tags', 'size', 'rules'],
     [{'$dict': {'b': 'x', 'a': None}}, {'$list': ['b', 'a']}, {'$size': 123456789},
      {'$listdict': [{'a': 1}, {'b': 2}]}])
case('show_floats', 'show', ['a', 'b', 'c', 'd'], [0.5, 1e100, -3.0, 12345.678])
case('show_long_yaml', 'show', ['description', 'quoted', 'unicode'],
     [('lorem ipsum dolor sit amet ' * 8).strip(), ('yes ' * 40).strip(),
      ('ünïcödé text ' * 10).strip()], formats=['yaml'])
case('show_tty', 'show', ['id', 'description'],
     ['abc', 'The quick brown fox jumps over the lazy dog. ' * 5],
     formats=['table'], tty_width=50)

case('list_graphemes', 'list', ['Text', 'N'],
     [['👨‍👩‍👧 family', 1], ['é combining', 2], ['🇫🇷 flag', 3],
      ['☺️ vs16', 4], ['zero​width', 5], ['ｆｕｌｌ ｗｉｄｔｈ', 6]])
case('list_graphemes_wrap', 'list', ['Text'],
     [['日本語のテキスト' * 4], ['ｆｕｌｌｗｉｄｔｈ' * 4], ['abc 日本語 def ' * 4]],
     ['--max-width', '20'], formats=['table'])
case('list_empty_print_empty_narrow', 'list', ['A long column name', 'Another long column name'], [],
     ['--print-empty', '--max-width', '30'], formats=['table'])
case('list_sort_dicts', 'list', ['Name', 'D'],
     [['b', {'$raw': {'x': 1}}], ['a', {'$raw': {'y': 2}}]], ['--sort-column', 'D'],
     formats=['value'])
case('list_sort_formatted', 'list', ['Name', 'L'],
     [['b', {'$list': ['z']}], ['a', {'$list': ['a', 'b']}], ['c', {'$list': ['m']}]],
     ['--sort-column', 'L'], formats=['value', 'table'])
case('list_sort_bool', 'list', ['Name', 'B'],
     [['a', True], ['b', False], ['c', None], ['d', True]], ['--sort-column', 'B'],
     formats=['value'])
case('show_yaml_long_key', 'show', ['k' * 130, 'short'], ['v', 'w'], formats=['yaml'])
case('show_yaml_specials', 'show', ['nel', 'ls', 'bom', 'bs', 'esc', 'long_single', 'long_double', 'long_plain_word'],
     ['a\x85b', 'a\u2028b', 'x\ufeff', 'back\x08', '\x1b[0m',
      "it's " * 25, ('"q" ' * 30) + 'x\ty', 'w' * 120 + ' tail'], formats=['yaml', 'json', 'value'])
case('show_columns_dupes', 'show', ['a', 'b', 'c'], [1, 2, 3], ['-c', 'c', '-c', 'a', '-c', 'C'])
case('show_newline_field_name', 'show', ['multi\nline name', 'x'], ['v', 'w'], formats=['table', 'shell'])


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    n = 0
    for c in CASES:
        fmts = c['formats'] or (LIST_FORMATS if c['kind'] == 'list' else SHOW_FORMATS)
        c['formats'] = fmts
        for fmt in fmts:
            out, err = run(c['kind'], (c['columns'], c['data']),
                           ['-f', fmt] + c['argv'], c['tty_width'])
            base = os.path.join(OUT, f"{c['name']}.{fmt}")
            if err is not None:
                with open(base + '.err', 'w', encoding='utf-8', newline='') as fh:
                    fh.write(err)
            else:
                with open(base, 'w', encoding='utf-8', newline='') as fh:
                    fh.write(out)
            n += 1
    def enc(v):
        if isinstance(v, float) and (v != v or v in (float('inf'), float('-inf'))):
            return {'$float': repr(v)}
        if isinstance(v, list):
            return [enc(x) for x in v]
        if isinstance(v, dict):
            return {k: enc(x) for k, x in v.items()}
        return v

    with open(os.path.join(OUT, 'cases.json'), 'w', encoding='utf-8') as fh:
        json.dump(enc(CASES), fh, indent=1, ensure_ascii=False, allow_nan=False)
        fh.write('\n')
    print(f'{len(CASES)} cases, {n} golden files', file=sys.stderr)


if __name__ == '__main__':
    main()
