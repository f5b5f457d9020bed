/**
 * Rule ids a user wrote — in the configuration (`rules`, `ignore`) or on the command line — that
 * name no rule. A typo there would silently switch nothing off or suppress nothing, so each one
 * is an error with the closest known id.
 */
import type { Config } from './config.js';
import { unknownName } from './suggest.js';

export interface UnknownRuleId {
  /** Where it was written: `rules.sg-ingress`, `ignore[2].rule`, `--skip-rules`. */
  where: string;
  id: string;
  message: string;
}

export function unknownConfigRuleIds(config: Config, known: readonly string[]): UnknownRuleId[] {
  const ids = new Set(known);
  const out: UnknownRuleId[] = [];
  for (const id of Object.keys(config.rules)) {
    if (!ids.has(id)) out.push({ where: `rules.${id}`, id, message: unknownName('rule id', id, known) });
  }
  config.ignore.forEach((entry, i) => {
    if (entry.rule !== '*' && !ids.has(entry.rule)) out.push({ where: `ignore[${i}].rule`, id: entry.rule, message: unknownName('rule id', entry.rule, known) });
  });
  return out;
}

export function unknownListedRuleIds(option: string, list: readonly string[], known: readonly string[]): UnknownRuleId[] {
  const ids = new Set(known);
  return list.filter((id) => !ids.has(id)).map((id) => ({ where: option, id, message: unknownName('rule id', id, known) }));
}
