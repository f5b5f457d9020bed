/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every enabled rule described, findings as
 * results (suppressed ones kept with `suppressions`), input errors and undecidable checks as
 * notifications — never as results.
 */
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import type { Span } from '../core/source.js';
import type { Rule } from '../engine/rule.js';
import { docsUrl } from '../engine/rule.js';
import type { Finding, ScanResult, Severity } from '../engine/types.js';
import { TOOL_INFORMATION_URI, TOOL_NAME, pascalCase, relativeUri, safeRegion, sortErrors, sortFindings, sortNotices, truncate } from './common.js';

export interface SarifOptions {
  /** GitHub code scanning category (`--sarif-category`); `automationDetails.id` is `<category>/`. */
  category?: string;
  toolVersion: string;
  /** Most results in the log (default: GitHub's 25,000 per run). */
  maxResults?: number;
  /** Largest log gzipped, in bytes (default: GitHub's 10 MB upload limit). */
  maxGzipBytes?: number;
  /** Told what was cut to fit the limits, so the CLI can say it too. */
  onCut?: (message: string) => void;
}

/** GitHub code scanning accepts at most this many results per run … */
export const GITHUB_MAX_RESULTS = 25_000;
/** … and a SARIF upload of at most 10 MB gzipped. */
export const GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024;

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** GitHub's limit for `shortDescription.text` and `fullDescription.text`. */
export const GITHUB_DESCRIPTION_LIMIT = 1024;
/** GitHub's limit for a rule's `name`. */
export const GITHUB_NAME_LIMIT = 255;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub maps over 9.0 to critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function physical(span: Span): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: relativeUri(span.file), uriBaseId: SRCROOT },
    region: safeRegion(span),
  };
}

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const m = rule.meta;
  const url = docsUrl(m.id);
  const controls = [...m.controls];
  const tags = [...new Set(['security', ...(m.tags ?? []), ...controls.map((c) => `control-${c}`)])];
  const controlsText = controls.length > 0 ? controls.join(', ') : 'none';
  const helpText = [m.rationale, `Remediation: ${m.remediation}`, `Checklist controls: ${controlsText}`, `Documentation: ${url}`].join('\n\n');
  const helpMarkdown = [
    `**${m.title}**`,
    m.rationale,
    `**Remediation.** ${m.remediation}`,
    `**Checklist controls:** ${controls.length > 0 ? controls.map((c) => `\`${c}\``).join(', ') : 'none'}`,
    `[Documentation](${url})`,
  ].join('\n\n');
  return {
    id: m.id,
    name: truncate(pascalCase(m.id), GITHUB_NAME_LIMIT),
    shortDescription: { text: truncate(m.title, GITHUB_DESCRIPTION_LIMIT) },
    fullDescription: { text: truncate(m.rationale, GITHUB_DESCRIPTION_LIMIT) },
    help: { text: helpText, markdown: helpMarkdown },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: {
      tags,
      'security-severity': SECURITY_SEVERITY[m.severity],
      precision: m.precision ?? 'high',
      controls,
    },
  };
}

/**
 * GitHub reads `primaryLocationLineHash` as `<hash>:<occurrence>` (as the CodeQL action writes it).
 * Our fingerprint never involves a line, so it is the hash and the occurrence is 1.
 */
export function primaryLocationLineHash(fingerprint: string): string {
  return /:\d+$/.test(fingerprint) ? fingerprint : `${fingerprint}:1`;
}

function result(f: Finding, ruleIndex: Map<string, number>, withBaseline: boolean): Sarif.Result {
  const logical: Sarif.LogicalLocation = {
    name: f.resource.address,
    kind: 'resource',
    fullyQualifiedName: `${f.resource.type}::${f.resource.address}`,
  };
  const properties: Sarif.PropertyBag = {
    controls: [...f.controls],
    severity: f.severity,
    resourceType: f.resource.type,
  };
  if (f.resource.constructPath) properties.constructPath = f.resource.constructPath;
  if (f.location.path) properties.propertyPath = f.location.path;

  const out: Sarif.Result = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physical(f.location.span), logicalLocations: [logical] }],
    partialFingerprints: { primaryLocationLineHash: primaryLocationLineHash(f.fingerprint) },
    properties,
  };
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) out.ruleIndex = index;
  if (f.related.length > 0) {
    out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.span), message: { text: r.message } }));
  }
  if (f.suppression) {
    const suppression: Sarif.Suppression = { kind: f.suppression.kind, justification: f.suppression.reason };
    if (f.suppression.span) suppression.location = { physicalLocation: physical(f.suppression.span) };
    out.suppressions = [suppression];
  }
  // Against a baseline: recorded findings are unchanged, the others new.
  if (withBaseline) out.baselineState = f.suppression?.baseline ? 'unchanged' : 'new';
  return out;
}

/** The root's file URI, ending in `/` as SARIF requires for a base URI. */
function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function buildSarif(scan: ScanResult, rules: readonly Rule[], options: SarifOptions): Sarif.Log {
  const ordered = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const ruleIndex = new Map(ordered.map((r, i) => [r.meta.id, i]));

  const executionNotifications: Sarif.Notification[] = sortErrors(scan.errors).map((e) => ({
    level: 'error',
    message: { text: `${e.message} (${e.kind})` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(e.file), uriBaseId: SRCROOT },
          region: safeRegion({ file: e.file, start: { line: e.line, column: e.column }, end: { line: e.line, column: e.column } }),
        },
      },
    ],
    properties: { kind: e.kind },
  }));

  // One per module call whose code is not on disk: what was not checked is never silent.
  for (const m of scan.unresolvedModules) {
    executionNotifications.push({
      level: 'warning',
      message: { text: m.message },
      locations: [{ physicalLocation: physical(m.span), logicalLocations: [{ name: `module.${m.module}`, kind: 'module' }] }],
      properties: { kind: 'unresolved-module', source: m.source },
    });
  }

  const configurationNotifications: Sarif.Notification[] = sortNotices(scan.notices).map((n) => {
    const notification: Sarif.Notification = {
      level: n.level ?? 'note',
      message: { text: n.resource ? `${n.resource}: ${n.message}` : n.message },
      locations: [{ physicalLocation: physical(n.span) }],
    };
    const index = ruleIndex.get(n.ruleId);
    // A suppression may name a rule that does not exist: associated with nothing then.
    if (index !== undefined) notification.associatedRule = { id: n.ruleId, index };
    else if (n.ruleId !== '' && n.level !== 'warning') notification.associatedRule = { id: n.ruleId };
    if (n.resource) notification.locations![0]!.logicalLocations = [{ name: n.resource, kind: 'resource' }];
    return notification;
  });

  const kept = withinResultLimit(scan.findings, options.maxResults ?? GITHUB_MAX_RESULTS);
  if (kept.cut) executionNotifications.push(cutNotification(kept.cut, scan.findings.length));

  const invocation: Sarif.Invocation = { executionSuccessful: scan.errors.length === 0 };
  if (executionNotifications.length > 0) invocation.toolExecutionNotifications = executionNotifications;
  if (configurationNotifications.length > 0) invocation.toolConfigurationNotifications = configurationNotifications;

  const driver: Sarif.ToolComponent = {
    name: TOOL_NAME,
    version: options.toolVersion,
    informationUri: TOOL_INFORMATION_URI,
    rules: ordered.map(ruleDescriptor),
  };
  if (SEMVER.test(options.toolVersion)) driver.semanticVersion = options.toolVersion;

  const run: Sarif.Run = {
    tool: { driver },
    automationDetails: { id: `${options.category ?? TOOL_NAME}/` },
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri(scan.root) } },
    invocations: [invocation],
    columnKind: 'utf16CodeUnits',
    results: sortFindings(kept.findings).map((f) => result(f, ruleIndex, scan.baseline !== undefined)),
  };

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** What was left out to fit GitHub's limits, by severity. */
export interface SarifCut {
  left: number;
  bySeverity: Record<Severity, number>;
  why: string;
}

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * At most `max` findings: open ones before suppressed ones, the most severe first, so what is cut
 * is what matters least. Reports what was left out, by severity.
 */
function withinResultLimit(findings: readonly Finding[], max: number, why = `over GitHub's limit of ${max.toLocaleString('en-US')} results per run`): { findings: Finding[]; cut?: SarifCut } {
  if (findings.length <= max) return { findings: [...findings] };
  const ordered = [...findings].sort((a, b) => Number(!!a.suppression) - Number(!!b.suppression) || RANK[a.severity] - RANK[b.severity]);
  const left = ordered.slice(Math.max(0, max));
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of left) bySeverity[f.severity]++;
  return { findings: ordered.slice(0, Math.max(0, max)), cut: { left: left.length, bySeverity, why } };
}

function describeCut(cut: SarifCut, total: number): string {
  const parts = (Object.keys(cut.bySeverity) as Severity[]).filter((s) => cut.bySeverity[s] > 0).map((s) => `${cut.bySeverity[s]} ${s}`);
  return `${cut.left} of ${total} results left out (${parts.join(', ')}), ${cut.why}; the least severe and suppressed ones went first. Run with --format json for every finding.`;
}

function cutNotification(cut: SarifCut, total: number): Sarif.Notification {
  return { level: 'warning', message: { text: describeCut(cut, total) }, properties: { kind: 'limit', left: cut.left, bySeverity: cut.bySeverity } };
}

export function formatSarif(scan: ScanResult, rules: readonly Rule[], options: SarifOptions): string {
  const maxBytes = options.maxGzipBytes ?? GITHUB_MAX_GZIP_BYTES;
  const maxResults = options.maxResults ?? GITHUB_MAX_RESULTS;
  let log = buildSarif(scan, rules, options);
  let text = `${JSON.stringify(log, null, 2)}\n`;
  const total = scan.findings.length;
  let kept = Math.min(total, maxResults);
  // Over the upload limit: fewer results, in proportion to the size, until it fits.
  const tooBig = (t: string): boolean => Buffer.byteLength(t) > maxBytes && gzipSync(t).length > maxBytes;
  for (let attempt = 0; attempt < 20 && kept > 0 && tooBig(text); attempt++) {
    const size = gzipSync(text).length;
    kept = Math.max(0, Math.min(kept - 1, Math.floor((kept * maxBytes * 0.95) / size)));
    const cut = withinResultLimit(scan.findings, kept, maxBytes === GITHUB_MAX_GZIP_BYTES ? "to keep the log under GitHub's 10 MB gzipped upload limit" : `to keep the log under ${maxBytes} bytes gzipped`);
    log = buildSarif({ ...scan, findings: cut.findings }, rules, { ...options, maxResults: Number.MAX_SAFE_INTEGER });
    const invocation = log.runs[0]!.invocations![0]!;
    invocation.toolExecutionNotifications = [...(invocation.toolExecutionNotifications ?? []), cutNotification(cut.cut!, total)];
    text = `${JSON.stringify(log, null, 2)}\n`;
  }
  const cutNote = log.runs[0]!.invocations![0]!.toolExecutionNotifications?.find((n) => n.properties?.kind === 'limit');
  if (cutNote) options.onCut?.(cutNote.message.text!);
  return text;
}
