import type { ResourceGraph } from '../../graph/graph.js';
import type { SubReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import type { BackupRule, CopyAction } from './types.js';

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
export function readRule(rule: SubReader, graph: ResourceGraph, names: { name: string; vault: string; copies: string; destination: string }): BackupRule {
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

/** Whether a selection covers resources broadly: tag conditions, or a wildcard in its resource list. */
export function broadness(resources: Val<Link>[], tagValues: Val<boolean>[], listOrigin: Val<boolean>['origin']): Val<boolean> {
  const wildcard = resources.find((l) => l.provenance === 'explicit' && l.value.literal?.includes('*'));
  if (wildcard) return explicit(true, wildcard.origin);
  const tags = tagValues[0];
  if (tags) return tags;
  return defaulted(false, listOrigin, 'only the resources listed');
}
