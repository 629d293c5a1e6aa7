"""The PyPI app's queries with their {name:Type} parameters written as literals, for servers
without query parameters (ClickHouse 18.16): shared by tests/apps/pypi_api_test.py and
bench/pypi_app.py."""
import re


def literal(value, type_):
    if type_ == "Date":
        return f"toDate('{value}')"
    if type_.startswith("UInt") or type_.startswith("Int"):
        return str(int(value))
    if type_.startswith("Array("):
        # The only array parameter is a list for IN: 18.16 wants it as a tuple there.
        return "(" + value.strip("[]") + ")"
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def with_literals(sql, params):
    return re.sub(r"\{(\w+):([^}]+)\}", lambda m: literal(params[m.group(1)], m.group(2)), sql)
