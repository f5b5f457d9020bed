/** `# iac-check:ignore` comments above a Terraform block and the attributes and nested blocks inside it. */
import type { Span } from '../../core/source.js';
import type { Block, Body, Comment } from '../../../parsers/terraform/ast.js';
import { blocksOf } from '../../../parsers/terraform/ast.js';
import type { Suppression } from '../graph.js';
import { parseIgnoreComment } from '../suppression-comment.js';
import type { ModuleConfig } from './config.js';

const SUPPRESS = /^(?:#|\/\/)\s*iac-check:ignore\b/;

/** Whether a comment is a suppression (starts with the directive, not one that mentions it). */
export function isSuppression(c: Comment): boolean {
  return SUPPRESS.test(c.text.trim());
}

/** The suppressions written above a block (the whole resource) and inside it (an attribute's or a nested block's path). */
export function blockSuppressions(cfg: ModuleConfig, b: Block): Suppression[] {
  const out: Suppression[] = [];
  const lines = cfg.comments.get(b.span.file);
  if (!lines || lines.size === 0) return out;
  commentsAbove(lines, b.span.start.line, undefined, out);
  bodySuppressions(lines, b.body, '', undefined, out);
  return out;
}

/**
 * Comments above the attributes and nested blocks of a body, at any depth. A nested block's path is
 * indexed as its value is (`ingress[1]`, `ingress[1].cidr_blocks`); where the index is not known from
 * the source (a `dynamic` block, or a block after a `dynamic` one of the same type), the comment covers
 * every block of that type (`ingress`). `fixed` gives every item of the body that path.
 */
function bodySuppressions(lines: Map<number, { text: string; span: Span }[]>, body: Body, prefix: string, fixed: string | undefined, out: Suppression[]): void {
  const seen = new Map<string, number>();
  const dynamicTypes = new Set<string>();
  for (const it of body.items) {
    if (it.kind === 'attribute') {
      commentsAbove(lines, it.span.start.line, fixed ?? prefix + it.name, out);
      continue;
    }
    if (it.type === 'dynamic') {
      const type = it.labels[0] ?? it.type;
      dynamicTypes.add(type);
      const path = fixed ?? prefix + type;
      commentsAbove(lines, it.span.start.line, path, out);
      for (const content of blocksOf(it.body, 'content')) bodySuppressions(lines, content.body, '', path, out);
      continue;
    }
    const i = seen.get(it.type) ?? 0;
    seen.set(it.type, i + 1);
    const indexed = fixed === undefined && !dynamicTypes.has(it.type);
    const path = fixed ?? (indexed ? `${prefix}${it.type}[${i}]` : prefix + it.type);
    commentsAbove(lines, it.span.start.line, path, out);
    bodySuppressions(lines, it.body, `${path}.`, indexed ? undefined : path, out);
  }
}

function commentsAbove(lines: Map<number, { text: string; span: Span }[]>, line: number, path: string | undefined, out: Suppression[]): void {
  const take = (l: number) => {
    for (const c of lines.get(l) ?? []) {
      const text = c.text.trim();
      const m = SUPPRESS.test(text) ? parseIgnoreComment(text) : undefined;
      if (!m) continue;
      // No id at all stays visible as an unknown (empty) id.
      for (const ruleId of m.ids.length ? m.ids : ['']) {
        const s: Suppression = { ruleId, reason: m.reason, span: c.span };
        if (path !== undefined) s.path = path;
        out.push(s);
      }
    }
  };
  // a trailing comment on the line itself
  take(line);
  for (let l = line - 1; l > 0 && lines.has(l); l--) take(l);
}
