/**
 * The HTML report: one self-contained file (no network, no CDN) with the architecture diagram
 * (pan, zoom, click a resource to see its findings), the findings table (filters by severity, rule,
 * file and control; each finding with its code excerpt and its rule page), the checklist and the
 * summary. Everything from scanned files is escaped here or set as text by the page's script.
 */
import type { Rule } from '../engine/rule.js';
import { docsUrl } from '../engine/rule.js';
import type { ScanResult } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import type { Diagram } from '../diagram/types.js';
import { nodeIds } from '../diagram/dot.js';
import { SEVERITY_COLOR, SEVERITY_SYMBOL } from '../diagram/style.js';
import { assessControls, type Delivery } from './checklist.js';
import { CHECKLIST_NAME, CHECKLIST_VERSION } from './controls.js';
import { TOOL_NAME, countResult, sortFindings } from './common.js';

/** A few lines of the file around a finding, read by the caller. */
export interface Excerpt {
  /** 1-based number of the first line. */
  start: number;
  lines: string[];
}

export interface HtmlOptions {
  toolVersion: string;
  delivery: Delivery;
  allRules?: readonly Rule[];
  /** The diagram and its SVG (from `toSvg`), when drawn. */
  diagram?: { data: Diagram; svg: string };
  /** Code excerpts by finding fingerprint. */
  excerpts?: ReadonlyMap<string, Excerpt>;
  title?: string;
}

/** What the page's script reads: plain data, set into the page as text. */
interface PageData {
  findings: {
    id: string; severity: string; ruleId: string; file: string; line: number; column: number; message: string;
    resource: string; controls: string[]; docs: string; suppressed?: string; excerpt?: Excerpt;
  }[];
  /** SVG node id → the resource's label and its findings' ids. */
  nodes: Record<string, { label: string; service: string; note?: string; findings: string[] }>;
}

export function formatHtml(result: ScanResult, rules: readonly Rule[], options: HtmlOptions): string {
  const findings = sortFindings(result.findings);
  const data: PageData = {
    findings: findings.map((f) => ({
      id: f.fingerprint,
      severity: f.severity,
      ruleId: f.ruleId,
      file: f.location.span.file,
      line: f.location.span.start.line,
      column: f.location.span.start.column,
      message: f.message,
      resource: `${f.resource.address} (${f.resource.type})`,
      controls: f.controls,
      docs: docsUrl(f.ruleId),
      ...(f.suppression ? { suppressed: f.suppression.reason } : {}),
      ...(options.excerpts?.get(f.fingerprint) ? { excerpt: options.excerpts.get(f.fingerprint)! } : {}),
    })),
    nodes: {},
  };
  if (options.diagram) {
    const ids = nodeIds(options.diagram.data);
    for (const n of options.diagram.data.nodes) {
      data.nodes[ids.get(n.id)!] = {
        label: n.count > 1 ? `${n.label} ×${n.count}` : n.label,
        service: n.service,
        ...(n.note ? { note: n.note } : {}),
        findings: [...new Set(n.findings.map((f) => f.fingerprint))],
      };
    }
  }
  const counts = countResult(result);
  const checklist = assessControls(result, rules, { delivery: options.delivery, ...(options.allRules ? { allRules: options.allRules } : {}) });
  const title = options.title ?? `${TOOL_NAME} report`;
  const unique = (xs: string[]): string[] => [...new Set(xs)].sort();
  const select = (id: string, label: string, values: string[]): string =>
    `<label>${label} <select id="${id}"><option value="">all</option>${values.map((v) => `<option>${esc(v)}</option>`).join('')}</select></label>`;

  const summary = [
    `${counts.findings} finding${counts.findings === 1 ? '' : 's'}`,
    ...SEVERITIES.map((s) => `${counts.bySeverity[s]} ${s}`),
    `${counts.suppressed} suppressed`,
    `${result.stats.filesScanned} files scanned`,
    `${result.stats.resources} resources`,
    `${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`,
  ];
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="meta">${esc(TOOL_NAME)} ${esc(options.toolVersion)} · ${esc(summary.join(' · '))}</p></header>
<nav><a href="#architecture">Architecture</a> <a href="#findings">Findings</a> <a href="#checklist">Checklist</a> <a href="#summary">Summary</a></nav>
<section id="architecture"><h2>Architecture</h2>
${options.diagram ? `<p class="hint">Drag to pan, wheel or the buttons to zoom; click a resource to see its findings. ${legend()}</p>
<div class="zoom"><button id="zoom-in" type="button" aria-label="zoom in">+</button><button id="zoom-out" type="button" aria-label="zoom out">−</button><button id="zoom-reset" type="button">fit</button></div>
<div id="diagram" tabindex="0">${options.diagram.svg}</div>
<aside id="selection" hidden><h3 id="selection-title"></h3><p id="selection-note"></p><ul id="selection-findings"></ul><button id="selection-clear" type="button">show all findings</button></aside>` : '<p>No diagram was drawn.</p>'}
</section>
<section id="findings"><h2>Findings</h2>
<div class="filters">${select('filter-severity', 'severity', SEVERITIES.filter((s) => findings.some((f) => f.severity === s)))}${select('filter-rule', 'rule', unique(findings.map((f) => f.ruleId)))}${select('filter-file', 'file', unique(findings.map((f) => f.location.span.file)))}${select('filter-control', 'control', unique(findings.flatMap((f) => f.controls)))}<label><input id="filter-suppressed" type="checkbox"> suppressed too</label> <span id="shown"></span></div>
<table id="findings-table"><thead><tr><th>severity</th><th>location</th><th>rule</th><th>resource</th><th>message</th></tr></thead><tbody></tbody></table>
</section>
<section id="checklist"><h2>${esc(CHECKLIST_NAME)}</h2><p class="meta">Version ${esc(CHECKLIST_VERSION)}; the architecture diagram the checklist asks for is <a href="#architecture">above</a>.</p>
<table><thead><tr><th>control</th><th>summary</th><th>status</th><th>rules</th><th>notes</th></tr></thead><tbody>
${checklist.map((a) => `<tr class="status-${a.status.replace(/ /g, '-')}"><td>${esc(a.control.id)}</td><td>${esc(a.control.summary)}</td><td>${esc(a.status === 'fail' ? `fail: ${a.findings.length}, worst ${a.worst}` : a.status)}</td><td>${a.ruleIds.map((id) => `<a href="${esc(docsUrl(id))}">${esc(id)}</a>`).join(', ') || '—'}</td><td>${esc(a.notes.join('; '))}</td></tr>`).join('\n')}
</tbody></table></section>
<section id="summary"><h2>Summary</h2><ul>${summary.map((s) => `<li>${esc(s)}</li>`).join('')}${result.regions.length ? `<li>regions: ${esc(result.regions.join(', '))}</li>` : ''}</ul>
${result.errors.length ? `<h3>Errors</h3><ul>${result.errors.map((e) => `<li>${esc(`${e.file}:${e.line}:${e.column}: ${e.message}`)}</li>`).join('')}</ul>` : ''}
</section>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
  return html;
}

function legend(): string {
  return SEVERITIES.map((s) => `<span class="legend" style="color:${SEVERITY_COLOR[s]}">${SEVERITY_SYMBOL[s]} ${s}</span>`).join(' ');
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON inside a script element: `<` escaped so no value can close the element. */
function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#212529;background:#f8f9fa}
header,nav,section{padding:0 24px}header{background:#232f3e;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
.meta{color:#adb5bd;margin:4px 0}section .meta{color:#495057}nav{background:#fff;border-bottom:1px solid #dee2e6;padding:8px 24px}nav a{margin-right:16px}
section{margin:16px 0}h2{font-size:18px;border-bottom:1px solid #dee2e6;padding-bottom:4px}
#architecture{position:relative}#diagram{height:70vh;border:1px solid #ced4da;background:#fff;overflow:hidden;cursor:grab;position:relative}
#diagram svg{width:100%;height:100%}#diagram g.node{cursor:pointer}#diagram g.node.selected polygon{stroke:#000;stroke-width:4}
.zoom{position:absolute;right:36px;margin-top:8px;z-index:2}.zoom button{font-size:16px;min-width:32px}
#selection{position:absolute;right:36px;top:120px;width:340px;max-height:55vh;overflow:auto;background:#fff;border:1px solid #adb5bd;border-radius:4px;padding:8px 12px;box-shadow:0 2px 8px rgba(0,0,0,.15)}
#selection h3{margin:4px 0;font-size:15px;word-break:break-all}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dee2e6;padding:4px 6px;text-align:left;vertical-align:top}th{background:#e9ecef}
.filters{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}.sev{font-weight:600;white-space:nowrap}
.sev-critical{color:#a4000f}.sev-high{color:#d9480f}.sev-medium{color:#9c6f00}.sev-low{color:#1864ab}
pre{margin:4px 0;background:#f1f3f5;padding:6px;overflow:auto;font-size:12px}pre .hit{background:#ffe8cc;display:block}
tr.suppressed{color:#868e96}.status-fail td:nth-child(3){color:#a4000f;font-weight:600}.status-pass td:nth-child(3){color:#2b8a3e}
.legend{margin-left:8px;font-weight:600}.hint{color:#495057}
`;

/** The page's behaviour: filters, the diagram's pan/zoom and selection. Reads only the JSON data above. */
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var byId = {};
  data.findings.forEach(function (f) { byId[f.id] = f; });
  var tbody = document.querySelector('#findings-table tbody');
  var only = null;
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  var symbols = { critical: '\\u25a0', high: '\\u25b2', medium: '\\u25c6', low: '\\u25cf' };
  function row(f) {
    var tr = el('tr', f.suppressed ? 'suppressed' : '');
    tr.dataset.id = f.id;
    tr.appendChild(el('td', 'sev sev-' + f.severity, symbols[f.severity] + ' ' + f.severity));
    tr.appendChild(el('td', '', f.file + ':' + f.line + ':' + f.column));
    var rule = el('td'); var a = el('a', '', f.ruleId); a.href = f.docs; rule.appendChild(a); tr.appendChild(rule);
    tr.appendChild(el('td', '', f.resource));
    var msg = el('td'); msg.appendChild(el('div', '', f.message));
    if (f.suppressed) msg.appendChild(el('div', '', 'suppressed: ' + f.suppressed));
    if (f.excerpt) {
      var d = el('details'); d.appendChild(el('summary', '', 'code'));
      var pre = el('pre');
      f.excerpt.lines.forEach(function (text, i) {
        var n = f.excerpt.start + i;
        pre.appendChild(el('span', n === f.line ? 'hit' : '', String(n).padStart(5, ' ') + '  ' + text + (n === f.line ? '' : '\\n')));
      });
      d.appendChild(pre); msg.appendChild(d);
    }
    tr.appendChild(msg);
    return tr;
  }
  data.findings.forEach(function (f) { tbody.appendChild(row(f)); });
  var filters = ['severity', 'rule', 'file', 'control'].map(function (k) { return document.getElementById('filter-' + k); });
  var suppressedBox = document.getElementById('filter-suppressed');
  function apply() {
    var sev = filters[0].value, rule = filters[1].value, file = filters[2].value, control = filters[3].value;
    var shown = 0, total = 0;
    Array.prototype.forEach.call(tbody.rows, function (tr) {
      var f = byId[tr.dataset.id];
      var ok = (!sev || f.severity === sev) && (!rule || f.ruleId === rule) && (!file || f.file === file) &&
        (!control || f.controls.indexOf(control) >= 0) && (suppressedBox.checked || !f.suppressed) && (!only || only.indexOf(f.id) >= 0);
      tr.hidden = !ok;
      if (ok) shown++;
      if (suppressedBox.checked || !f.suppressed) total++;
    });
    document.getElementById('shown').textContent = shown + ' of ' + total + ' shown';
  }
  filters.concat([suppressedBox]).forEach(function (s) { s.addEventListener('change', apply); });
  apply();

  var host = document.getElementById('diagram');
  if (!host) return;
  var svg = host.querySelector('svg');
  var panel = document.getElementById('selection');
  function select(id, g) {
    Array.prototype.forEach.call(svg.querySelectorAll('g.node.selected'), function (x) { x.classList.remove('selected'); });
    var node = data.nodes[id];
    if (!node) { only = null; panel.hidden = true; apply(); return; }
    g.classList.add('selected');
    document.getElementById('selection-title').textContent = node.label;
    document.getElementById('selection-note').textContent = node.service + (node.note ? ' \\u00b7 ' + node.note : '') + ' \\u00b7 ' + node.findings.length + ' finding' + (node.findings.length === 1 ? '' : 's');
    var list = document.getElementById('selection-findings');
    list.textContent = '';
    node.findings.forEach(function (fid) {
      var f = byId[fid]; if (!f) return;
      var li = el('li'); li.appendChild(el('span', 'sev sev-' + f.severity, symbols[f.severity] + ' ' + f.severity + ' '));
      li.appendChild(el('span', '', f.ruleId + ': ' + f.message)); list.appendChild(li);
    });
    only = node.findings;
    panel.hidden = false;
    apply();
  }
  document.getElementById('selection-clear').addEventListener('click', function () { select(null); });

  var box = svg.viewBox.baseVal;
  var home = { x: box.x, y: box.y, w: box.width, h: box.height };
  svg.removeAttribute('width'); svg.removeAttribute('height');
  function zoom(factor, cx, cy) {
    var r = svg.getBoundingClientRect();
    var px = cx === undefined ? 0.5 : (cx - r.left) / r.width, py = cy === undefined ? 0.5 : (cy - r.top) / r.height;
    var w = box.width * factor, h = box.height * factor;
    box.x += (box.width - w) * px; box.y += (box.height - h) * py; box.width = w; box.height = h;
  }
  host.addEventListener('wheel', function (e) { e.preventDefault(); zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY); }, { passive: false });
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(1 / 1.3); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.3); });
  document.getElementById('zoom-reset').addEventListener('click', function () { box.x = home.x; box.y = home.y; box.width = home.w; box.height = home.h; });
  var drag = null, moved = false;
  host.addEventListener('pointerdown', function (e) { drag = { x: e.clientX, y: e.clientY }; moved = false; });
  window.addEventListener('pointerup', function () { drag = null; });
  host.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var r = svg.getBoundingClientRect(), s = Math.max(box.width / r.width, box.height / r.height);
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    box.x -= dx * s; box.y -= dy * s; drag = { x: e.clientX, y: e.clientY };
  });
  host.addEventListener('click', function (e) {
    if (moved) return;
    var g = e.target.closest ? e.target.closest('g.node') : null;
    select(g ? g.id : null, g);
  });
})();
`;
