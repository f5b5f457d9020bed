/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every enabled rule described, findings as
 * results (suppressed ones kept with `suppressions`), input errors and undecidable checks as
 * notifications — never as results.
 */
import { pathToFileURL } from 'node:url';
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
}

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

function result(f: Finding, ruleIndex: Map<string, number>): Sarif.Result {
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
      level: 'note',
      message: { text: n.resource ? `${n.resource}: ${n.message}` : n.message },
      locations: [{ physicalLocation: physical(n.span) }],
    };
    const index = ruleIndex.get(n.ruleId);
    notification.associatedRule = index !== undefined ? { id: n.ruleId, index } : { id: n.ruleId };
    if (n.resource) notification.locations![0]!.logicalLocations = [{ name: n.resource, kind: 'resource' }];
    return notification;
  });

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
    results: sortFindings(scan.findings).map((f) => result(f, ruleIndex)),
  };

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(scan: ScanResult, rules: readonly Rule[], options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(scan, rules, options), null, 2)}\n`;
}
