#include "server/play_page.h"

namespace tally::server {

std::string_view playPageHtml() {
  static constexpr std::string_view html = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>tally play</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5em; background: #fafafa; color: #222; }
  #bar { display: flex; gap: .5em; margin-bottom: .5em; align-items: center; }
  #bar input { padding: .3em; }
  textarea { width: 100%; height: 10em; font: 14px monospace; padding: .5em; box-sizing: border-box; }
  #params { display: flex; flex-wrap: wrap; gap: .5em; margin: .5em 0; }
  #params label { font: 13px monospace; }
  button { padding: .4em 1.2em; font-size: 1em; cursor: pointer; }
  #stats { color: #555; margin: .5em 0; font-size: .9em; }
  #error { color: #b00; white-space: pre-wrap; font-family: monospace; }
  table { border-collapse: collapse; font: 13px monospace; background: white; }
  th, td { border: 1px solid #ccc; padding: .2em .6em; text-align: left; }
  th { background: #eee; }
  td.num { text-align: right; }
  pre#raw { white-space: pre-wrap; }
</style>
</head>
<body>
<div id="bar">
  <b>tally</b>
  <input id="user" placeholder="user" value="default" size="10">
  <input id="password" type="password" placeholder="password" size="12">
  <button id="run" title="Ctrl+Enter">Run</button>
</div>
<textarea id="query" spellcheck="false" placeholder="SELECT number FROM numbers({n:UInt32})">SELECT number, toString(number) AS s FROM numbers({n:UInt32})</textarea>
<div id="params"></div>
<div id="stats"></div>
<div id="error"></div>
<div id="result"></div>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
const paramValues = {};

function detectParams(sql) {
  const names = [];
  const re = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([^}]+)\}/g;
  let m;
  while ((m = re.exec(sql)) !== null)
    if (!names.some((p) => p.name === m[1])) names.push({ name: m[1], type: m[2].trim() });
  return names;
}

function renderParams() {
  const box = $("params");
  for (const input of box.querySelectorAll("input")) paramValues[input.dataset.name] = input.value;
  box.textContent = "";
  for (const p of detectParams($("query").value)) {
    const label = document.createElement("label");
    label.textContent = p.name + " (" + p.type + ") ";
    const input = document.createElement("input");
    input.dataset.name = p.name;
    input.value = paramValues[p.name] ?? (p.type.includes("Int") ? "10" : "");
    input.size = 12;
    label.appendChild(input);
    box.appendChild(label);
  }
}

function renderTable(json) {
  const table = document.createElement("table");
  const head = table.insertRow();
  const numeric = json.meta.map((c) => /^(Nullable\()?(U?Int|Float|Decimal)/.test(c.type));
  for (const c of json.meta) {
    const th = document.createElement("th");
    th.textContent = c.name;
    th.title = c.type;
    head.appendChild(th);
  }
  for (const row of json.data) {
    const tr = table.insertRow();
    row.forEach((v, i) => {
      const td = tr.insertCell();
      td.textContent = v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v);
      if (numeric[i]) td.className = "num";
    });
  }
  return table;
}

async function run() {
  const sql = $("query").value;
  const url = new URL("/", location.href);
  url.searchParams.set("default_format", "JSONCompact");
  url.searchParams.set("max_result_rows", "1000");
  url.searchParams.set("result_overflow_mode", "break");
  for (const input of $("params").querySelectorAll("input"))
    url.searchParams.set("param_" + input.dataset.name, input.value);
  const headers = { "X-ClickHouse-User": $("user").value || "default" };
  if ($("password").value) headers["X-ClickHouse-Key"] = $("password").value;
  $("error").textContent = "";
  $("result").textContent = "";
  $("stats").textContent = "Running...";
  const started = performance.now();
  let response, text;
  try {
    response = await fetch(url, { method: "POST", body: sql, headers });
    text = await response.text();
  } catch (e) {
    $("stats").textContent = "";
    $("error").textContent = String(e);
    return;
  }
  const elapsed = (performance.now() - started) / 1000;
  let summary = {};
  try { summary = JSON.parse(response.headers.get("X-ClickHouse-Summary") || "{}"); } catch (e) {}
  const rowsRead = summary.read_rows ?? "?";
  const bytesRead = summary.read_bytes ?? "?";
  $("stats").textContent = "Elapsed: " + elapsed.toFixed(3) + " s, rows read: " + rowsRead + ", bytes read: " + bytesRead +
      (response.headers.get("X-ClickHouse-Query-Id") ? ", query id: " + response.headers.get("X-ClickHouse-Query-Id") : "");
  if (!response.ok) {
    $("error").textContent = text;
    return;
  }
  let json = null;
  try { json = JSON.parse(text); } catch (e) {}
  if (json && json.meta && json.data) {
    $("result").appendChild(renderTable(json));
    $("stats").textContent += ", result rows: " + json.rows;
  } else {
    const pre = document.createElement("pre");
    pre.id = "raw";
    pre.textContent = text === "" ? "Ok." : text;
    $("result").appendChild(pre);
  }
}

$("query").addEventListener("input", renderParams);
$("query").addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); }
});
$("run").addEventListener("click", run);
// Links (e.g. the PyPI app's "Open in Play") carry the query in the fragment (base64), the user
// in ?user= and parameter values as ?param_<name>=.
const hash = location.hash.slice(1);
if (hash) { try { $("query").value = decodeURIComponent(escape(atob(hash))); } catch (e) {} }
for (const [name, value] of new URLSearchParams(location.search)) {
  if (name === "user") $("user").value = value;
  else if (name.startsWith("param_")) paramValues[name.slice(6)] = value;
}
renderParams();
</script>
</body>
</html>
)HTML";
  return html;
}

}  // namespace tally::server
