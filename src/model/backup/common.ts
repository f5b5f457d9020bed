import type { ResourceGraph, SourceKind } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import { PropertyReader } from '../read.js';
import type { Path, SubReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { vaultStore } from './facets.js';
import type { BackupPlan, BackupRule, BackupSelection, BackupVault, CopyAction, ResourceTags, TagCondition } from './types.js';

/** How one input kind spells AWS Backup: resource types, where properties sit, and their names. */
export interface BackupSpelling {
  /** `Properties` in CloudFormation, the block itself in Terraform. */
  properties: string;
  plan: { type: string; rules: Path; rule: RuleNames };
  selection: {
    type: string;
    planId: string;
    /** Where the selection's own fields sit (CloudFormation `BackupSelection`, Terraform the resource itself). */
    body: Path;
    resources: string;
    /** `NotResources` / `not_resources`: resources left out. */
    notResources: string;
    /** `ListOfTags` / `selection_tag` and their field names. */
    tags: string;
    tagNames: TagNames;
    /** The block(s) of `Conditions` / `condition`, each holding one list per test. */
    conditions: string;
    conditionNames: TagNames;
    conditionTests: [string, TagCondition['test']][];
  };
  /** The input kinds whose resources this kind's tags are read from, and the properties that hold tags. */
  taggedSources: (source: SourceKind) => boolean;
  tagProperties: string[];
  /** Tags a provider configuration adds to every resource it deploys (Terraform `default_tags { tags }`), if the kind has them. */
  defaultTags?: Path;
  vault: { type: string; kmsKey: string };
}

/** Reads every Backup plan, selection and vault with one input kind's spelling (and the tags selections may choose by). */
export function adaptBackup(graph: ResourceGraph, model: CloudModel, s: BackupSpelling): void {
  for (const node of graph.ofType(s.plan.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const plan: BackupPlan = { resource: r.info(), rules: r.each(s.plan.rules).map((x) => readRule(x, graph, s.plan.rule)) };
    model.backupPlans.push(plan);
  }
  const n = s.selection;
  for (const node of graph.ofType(n.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const resources = r.links([...n.body, n.resources]);
    const sel: BackupSelection = {
      resource: r.info(),
      plan: r.link([n.planId]) ?? unknownVal(r.origin([n.planId]), `no ${n.planId}`),
      resources,
      broad: broadness(resources, r.origin([...n.body, n.resources])),
      tags: readTagTests(r.each([...n.body, n.tags]), n.tagNames, 'equals'),
      conditions: r.each([...n.body, n.conditions]).flatMap((c) => n.conditionTests.flatMap(([k, test]) => readTagTests(c.each([k]), n.conditionNames, test))),
      notResources: r.links([...n.body, n.notResources]),
    };
    model.backupSelections.push(sel);
  }
  if (model.backupSelections.some((x) => x.tags.length > 0 || x.conditions.length > 0)) {
    // A resource's provider configuration is the one whose deployment target it shares.
    const providers = new Map(graph.providers.map((p) => [p.context.target.id, p]));
    for (const node of graph.nodes) {
      if (node.mode !== 'managed' || !s.taggedSources(node.source)) continue;
      const own = readTags(new PropertyReader(node, graph, s.properties), s.tagProperties);
      const provider = s.defaultTags ? providers.get(node.context.target.id) : undefined;
      model.facets.resourceTags.push(provider ? withDefaultTags(own, new PropertyReader(provider, graph, ''), s.defaultTags!) : own);
    }
  }
  for (const node of graph.ofType(s.vault.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const vault: BackupVault = { resource: r.info(), kmsKey: r.str([s.vault.kmsKey], { value: '', assumed: 'the AWS Backup service key' }) };
    model.backupVaults.push(vault);
    model.facets.dataStores.push(vaultStore(vault));
  }
}

/** How one input kind spells a plan rule and its copy actions. */
export interface RuleNames { name: string; vault: string; copies: string; destination: string }

/**
 * The region a copy action sends to: from a literal vault ARN (`arn:aws:backup:<region>:…`),
 * or from the deploy context of the vault resource it references.
 */
export function destinationRegion(vault: Val<Link>, graph: ResourceGraph): Val<string> {
  if (vault.provenance === 'unknown') return vault;
  const { id, literal } = vault.value;
  if (id) {
    const node = graph.get(id);
    if (!node) return unknownVal(vault.origin, `${id} is not in the scan`);
    return node.context.region.known
      ? explicit(node.context.region.value, vault.origin)
      : unknownVal(vault.origin, `region of ${node.address}: ${node.context.region.reason}`);
  }
  const m = literal !== undefined ? /^arn:[\w-]+:backup:([a-z0-9-]+):/.exec(literal) : null;
  return m ? explicit(m[1]!, vault.origin) : unknownVal(vault.origin, `no region in "${literal ?? ''}"`);
}

/** A backup rule of a plan, with its copy actions, from the attribute names of one input kind. */
function readRule(rule: SubReader, graph: ResourceGraph, names: RuleNames): BackupRule {
  const copyActions: CopyAction[] = rule.each([names.copies]).map((c) => {
    const destinationVault = c.link([names.destination]) ?? unknownVal(c.origin(), 'copy action without a destination vault');
    return { destinationVault, destinationRegion: destinationRegion(destinationVault, graph), origin: c.origin() };
  });
  return {
    name: rule.str([names.name], { value: '', assumed: 'no name' }),
    targetVault: rule.link([names.vault]) ?? unknownVal(rule.origin(), 'rule without a target vault'),
    copyActions,
    origin: rule.origin(),
  };
}

/** Whether a selection covers resources broadly: a wildcard in its resource list (tags are matched by the linker). */
function broadness(resources: Val<Link>[], listOrigin: Val<boolean>['origin']): Val<boolean> {
  const wildcard = resources.find((l) => l.provenance === 'explicit' && l.value.literal?.includes('*'));
  if (wildcard) return explicit(true, wildcard.origin);
  return defaulted(false, listOrigin, 'only the resources listed or tagged');
}

/** How one input kind spells a tag test: the key, the value and (for `ListOfTags` / `selection_tag`) the test's type. */
export interface TagNames { key: string; value: string; type?: string }

/** Tag tests of a list of `{ key, value[, type] }` objects, with the test they make. */
function readTagTests(list: SubReader[], names: TagNames, test: TagCondition['test']): TagCondition[] {
  return list.map((c) => {
    const type = names.type ? c.str([names.type]) : undefined;
    const t: TagCondition['test'] = type?.provenance === 'explicit' && type.value.toUpperCase() !== 'STRINGEQUALS' ? 'like' : test;
    return {
      key: c.str([names.key]) ?? unknownVal(c.origin(), 'a tag condition without a key'),
      value: c.str([names.value]) ?? unknownVal(c.origin(), 'a tag condition without a value'),
      test: t,
      origin: c.origin(),
    };
  });
}

/** A resource's tags with its provider's `default_tags` under them (the resource's own win, as Terraform merges them). */
function withDefaultTags(own: ResourceTags, provider: PropertyReader, path: Path): ResourceTags {
  const v = provider.value(path);
  if (!v || v.kind === 'null' || own.tags.provenance === 'unknown') return own;
  if (v.kind !== 'map') return { owner: own.owner, tags: unknownVal(own.tags.origin, `the default_tags of ${provider.node.address} are unknown${v.kind === 'unknown' ? `: ${v.reason}` : ''}`) };
  const defaults: Record<string, string | null> = {};
  for (const [k, x] of v.entries) defaults[k] = x.kind === 'string' ? x.value : null;
  return { owner: own.owner, tags: { ...own.tags, value: { ...defaults, ...own.tags.value } } };
}

/** The tags of a resource from one or more properties (CloudFormation `Tags` lists of Key/Value or maps, Terraform `tags` maps). */
function readTags(r: PropertyReader, properties: string[]): ResourceTags {
  const owner = { resource: r.info() };
  const out: Record<string, string | null> = {};
  let origin = r.origin([]);
  for (const p of properties) {
    const v = r.value([p]);
    if (!v) continue;
    origin = r.origin([p], v.span);
    if (v.kind === 'unknown') return { owner, tags: unknownVal(origin, `the tags are unknown: ${v.reason}`) };
    if (v.kind === 'map') {
      for (const [k, x] of v.entries) out[k] = x.kind === 'string' ? x.value : null;
    } else if (v.kind === 'list') {
      for (const item of v.items) {
        if (item.kind !== 'map') return { owner, tags: unknownVal(origin, 'a tag that cannot be known') };
        const k = item.entries.get('Key') ?? item.entries.get('key');
        const x = item.entries.get('Value') ?? item.entries.get('value');
        if (!k || k.kind !== 'string') return { owner, tags: unknownVal(origin, 'a tag key that cannot be known') };
        out[k.value] = x?.kind === 'string' ? x.value : null;
      }
    }
  }
  return { owner, tags: explicit(out, origin) };
}

/** The prefix condition keys carry in `Conditions` (`aws:ResourceTag/backup`). */
const RESOURCE_TAG = 'aws:ResourceTag/';

/**
 * Does one tag test hold for a resource's tags: `yes`, `no`, or `unsure` (with the reason) when
 * the test or the tags cannot be known.
 */
export function tagTest(c: TagCondition, tags: Val<Record<string, string | null>> | undefined): { hit: 'yes' | 'no' } | { hit: 'unsure'; reason: string } {
  if (!tags) return { hit: 'unsure', reason: 'the resource\'s tags were not read' };
  if (tags.provenance === 'unknown') return { hit: 'unsure', reason: tags.reason };
  if (c.key.provenance === 'unknown') return { hit: 'unsure', reason: `the selection's tag key is unknown: ${c.key.reason}` };
  if (c.value.provenance === 'unknown') return { hit: 'unsure', reason: `the selection's tag value is unknown: ${c.value.reason}` };
  const key = c.key.value.startsWith(RESOURCE_TAG) ? c.key.value.slice(RESOURCE_TAG.length) : c.key.value;
  const has = Object.prototype.hasOwnProperty.call(tags.value, key);
  const actual = has ? tags.value[key] : undefined;
  if (actual === null) return { hit: 'unsure', reason: `the value of tag ${key} is unknown` };
  const wanted = c.value.value;
  const like = c.test === 'like' || c.test === 'not-like';
  const matches = actual !== undefined && (like ? globMatch(wanted, actual) : actual === wanted);
  const negated = c.test === 'not-equals' || c.test === 'not-like';
  return { hit: matches !== negated ? 'yes' : 'no' };
}

function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(text);
}
