"""The table schema, read from tools/schema.json (written by `gongkai schema --json` from the project's one
typed table schema, core::schema).

For each table (active, applications, reviews) schema.json gives its rows (key, label, full label, group,
outcome flag, and per template "2019"/"2021" the row's label and columns, or null when the template lacks the
row) and its columns (key, header, unit). Everything the generator knows about which rows and columns a
table has, in which order, in which template, which rows are outcomes and what the standard labels say comes
from here.

A few things the printed tables need are not in schema.json; they are named at the end of this module, in
one place, and checked against the schema when it is loaded:
  - the roles the checks give to rows and columns (本年新收, 上年结转, 总计, 结转下年度; the sum column),
  - the printed table furniture (信息内容, 申请人情况, 法人或其他组织, the 勾稽关系 note, 三、本年度办理结果),
  - the active table's sub-tables (第二十条第（N）项) and the column headers a template prints differently
    from the column's own header (采购总金额, 本年处理决定数量, 本年收费金额（单位：万元）).
"""

import json
from collections import namedtuple
from types import MappingProxyType

from .paths import SCHEMA_JSON

TEMPLATES = ("2019", "2021")

Column = namedtuple("Column", "key header short unit words")
Row = namedtuple("Row", "key label full words group outcome layouts")  # layouts: template -> Layout or None
Layout = namedtuple("Layout", "label columns")
Table = namedtuple("Table", "key title columns rows")  # columns, rows: key -> Column / Row, in order


def _load(path):
    """The tables of schema.json, as read-only mappings of named tuples in the schema's order."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    assert data.get("schema") == 1, f"{path}: unknown schema version {data.get('schema')}"
    tables = {}
    for t in data["tables"]:
        columns = {c["key"]: Column(c["key"], c["header"], c["short"], c["unit"], tuple(c["words"]))
                   for c in t["columns"]}
        rows = {}
        for r in t["rows"]:
            layouts = {tpl: (Layout(r["t" + tpl]["label"], tuple(r["t" + tpl]["columns"])) if r["t" + tpl] else None)
                       for tpl in TEMPLATES}
            for lay in layouts.values():
                assert lay is None or set(lay.columns) <= set(columns), (t["key"], r["key"])
            rows[r["key"]] = Row(r["key"], r["label"], r["full"], tuple(r["words"]), r["group"], r["outcome"],
                                 MappingProxyType(layouts))
        tables[t["key"]] = Table(t["key"], t["title"], MappingProxyType(columns), MappingProxyType(rows))
    return MappingProxyType(tables)


TABLES = _load(SCHEMA_JSON)
TABLE_KEYS = tuple(TABLES)
# the tables' row keys by template (None: every row), computed once
_ROW_KEYS = MappingProxyType({(t, tpl): tuple(k for k, r in TABLES[t].rows.items() if tpl is None or r.layouts[tpl])
                              for t in TABLES for tpl in TEMPLATES + (None,)})


def row(table, key):
    """The schema's row `key` of `table`."""
    return TABLES[table].rows[key]


def column(table, key):
    """The schema's column `key` of `table`."""
    return TABLES[table].columns[key]


def row_keys(table, template=None):
    """The keys of the table's rows in order: all of them, or those the template has."""
    return _ROW_KEYS[(table, template)]


def columns(table, row_key=None, template=None):
    """The keys of the table's columns in order; for a row in a template, the columns that row has there."""
    if row_key is None:
        return tuple(TABLES[table].columns)
    return row(table, row_key).layouts[template].columns


def cells(table, template):
    """Every (row, column) the template has in the table, rows and columns in order."""
    return tuple((r, c) for r in row_keys(table, template) for c in columns(table, r, template))


def outcome_rows(template):
    """The applications rows that count an outcome (三、本年度办理结果), in the template's order."""
    return _OUTCOMES[template]


def groups(template):
    """The outcome groups of the template in order ((三)不予公开 …), each with its rows."""
    return _GROUPS[template]


def _outcomes_and_groups():
    """The outcome rows and the outcome groups of each template."""
    outcomes, groups_ = {}, {}
    for tpl in TEMPLATES:
        outcomes[tpl] = tuple(k for k in row_keys("applications", tpl) if row("applications", k).outcome)
        by_group = {}
        for k in outcomes[tpl]:
            g = row("applications", k).group
            if g:
                by_group.setdefault(g, []).append(k)
        groups_[tpl] = MappingProxyType({g: tuple(keys) for g, keys in by_group.items()})
    return MappingProxyType(outcomes), MappingProxyType(groups_)


_OUTCOMES, _GROUPS = _outcomes_and_groups()


def row_label(table, key, template):
    """The label the template prints for a row of the active or reviews table."""
    return row(table, key).layouts[template].label


def cell_label(key):
    """The text of an applications row's label cell: the full label, without its group's number when the
    group has a cell of its own ((三)1.属于国家秘密 → 1.属于国家秘密)."""
    r = row("applications", key)
    if r.group:
        number = r.group[:r.group.index("）") + 1]
        if r.full.startswith(number):
            return r.full[len(number):]
    return r.full


def summed_columns(table):
    """The columns whose sum the table's sum column holds (applications: the six applicants)."""
    return tuple(c for c in columns(table) if c != SUM_COLUMN)


def review_heads():
    """(group, sub-head) of each reviews row: 行政复议 has none, 行政诉讼·未经复议直接起诉 → (行政诉讼, 未经复议直接起诉)."""
    out = []
    for k in row_keys("reviews"):
        label = row("reviews", k).label
        head, _, sub = label.partition("·")
        out.append((head, sub or None))
    return tuple(out)


def template_of_year(year):
    """The template a report on `year` follows: the 2019 one for 2019 and 2020, the 2021 one after."""
    return "2019" if year <= 2020 else "2021"


# ---------------------------------------------------------------- not in schema.json (see the module docstring)

# roles in the checks' equations: new + carried_over = total + carried_forward in every column; the total
# row is the sum of the outcome rows; the sum column of applications and reviews the sum of the others
NEW, CARRIED_IN, TOTAL_ROW, CARRIED_FORWARD = "new", "carried_over", "total", "carried_forward"
SUM_COLUMN = "total"

# printed table furniture
ROW_HEAD = "信息内容"
APPLICANTS = "申请人情况"
LEGAL_PERSONS = "法人或其他组织"  # the head over every applicant column but 自然人 and 总计
RELATION_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_LABEL = "三、本年度办理结果"  # the head over the outcome rows and the total row

# the active table's sub-tables: the item of 第二十条 each row is printed under
ACTIVE_ITEMS = MappingProxyType({
    "regulations": "（一）", "normative_docs": "（一）", "licensing": "（五）", "other_services": "（五）",
    "penalties": "（六）", "enforcement": "（六）", "fees": "（八）", "procurement": "（九）",
})
# column headers a template prints differently from the column's header, by the first row of the sub-table
ACTIVE_HEADERS = MappingProxyType({
    ("2019", "procurement", "amount"): "采购总金额",
    ("2021", "licensing", "decisions"): "本年处理决定数量",
    ("2021", "penalties", "decisions"): "本年处理决定数量",
    ("2021", "fees", "amount"): "本年收费金额（单位：万元）",
})


def active_items(template):
    """The active table's sub-tables in the template: (item number, header cells, row keys, column keys)."""
    out = []
    for key in row_keys("active", template):
        item = ACTIVE_ITEMS[key]
        cols = columns("active", key, template)
        if out and out[-1][0] == item:
            assert out[-1][3] == cols, (template, key)
            out[-1][2].append(key)
            continue
        first = key
        header = [ROW_HEAD] + [ACTIVE_HEADERS.get((template, first, c), column("active", c).header) for c in cols]
        out.append((item, header, [key], cols))
    return [(item, header, tuple(keys), cols) for item, header, keys, cols in out]


def _check_supplements():
    """The names above exist in schema.json (fails loudly when the schema changes under them)."""
    for key in (NEW, CARRIED_IN, TOTAL_ROW, CARRIED_FORWARD):
        assert key in TABLES["applications"].rows and not row("applications", key).outcome, key
    for table in ("applications", "reviews"):
        assert columns(table)[-1] == SUM_COLUMN, table
    assert set(ACTIVE_ITEMS) == set(row_keys("active")), set(ACTIVE_ITEMS) ^ set(row_keys("active"))
    for tpl, key, col in ACTIVE_HEADERS:
        assert col in columns("active", key, tpl), (tpl, key, col)


_check_supplements()
