import type { InputError, Span } from '../../src/core/source.js';
import type { Attribute, Block, Body, Comment, Expr, HclFile, TemplatePart, Traverser } from './ast.js';
import { terraformParser } from './treesitter.js';
import { LIMITS } from '../../src/core/limits.js';
import { detach, Interner } from '../../src/core/strings.js';
import { position } from './position.js';

/** A plain copy of a tree-sitter node (walking the WASM tree once with a cursor is much faster than the Node API). */
interface Raw {
  t: string;
  named: boolean;
  missing: boolean;
  sr: number;
  sc: number;
  er: number;
  ec: number;
  si: number;
  ei: number;
  c: Raw[];
}

const MAX_DEPTH = 1000;
/** Blocks inside blocks (`dynamic { content { … } }`): real configurations nest a handful. */
const MAX_BLOCK_DEPTH = LIMITS.nesting;

/**
 * The grammar lexes a number with an exponent only after a fraction (`1.5e3`), but HCL also
 * allows `1e9`. Such literals are replaced by digits of the same length in the text the grammar
 * reads, so every position stays the same; the converter reads the literal from the real text.
 */
function maskExponents(text: string): string {
  return text.replace(/(?<![\w.])\d+[eE][+-]?\d+(?![\w.])/g, (m) => '0'.repeat(m.length));
}

export interface HclParseResult {
  file?: HclFile;
  error?: InputError;
}

/** Parses native HCL (`.tf`, `.tfvars`). On a syntax error the result holds the first error only. */
export async function parseHcl(text: string, rel: string): Promise<HclParseResult> {
  const parser = await terraformParser();
  const tree = parser.parse(maskExponents(text));
  if (!tree) return { error: { file: rel, line: 1, column: 1, message: 'the parser returned no tree', kind: 'syntax' } };
  let root: Raw;
  try {
    const lines = lineStarts(text);
    if (tree.rootNode.hasError) {
      const full = copyTree(tree.walk(), lines, undefined);
      const err = firstError(full, text, rel);
      if (err) return { error: err };
      root = full;
    } else root = copyTree(tree.walk(), lines, tablesFor(parser));
  } finally {
    tree.delete();
  }
  const conv = new Converter(text, rel);
  const comments: Comment[] = [];
  let body: Body = { items: [], span: conv.span(root) };
  for (const ch of root.c) {
    if (ch.t === 'body') body = conv.body(ch, comments);
    else if (ch.t === 'comment') comments.push({ text: conv.text(ch), span: conv.span(ch) });
    else if (ch.t === 'object') {
      // a JSON-like object at top level (tfvars written as an object): treat its elements as attributes
      const obj = conv.expr(ch, 0);
      if (obj.k === 'object') {
        body = {
          span: obj.span,
          items: obj.items.map((it) => ({
            kind: 'attribute' as const,
            name: it.key.k === 'lit' ? String(it.key.value) : it.key.k === 'template' ? templateText(it.key) : '?',
            nameSpan: it.keySpan,
            expr: it.value,
            span: it.keySpan,
          })),
        };
      }
    }
  }
  if (conv.tooDeepBlocks) {
    return { error: { file: rel, line: conv.tooDeepBlocks.start.line, column: conv.tooDeepBlocks.start.column, message: `blocks nested deeper than ${MAX_BLOCK_DEPTH} levels`, kind: 'limit' } };
  }
  if (conv.tooDeep) {
    return { error: { file: rel, line: conv.tooDeep.start.line, column: conv.tooDeep.start.column, message: `expression nested deeper than ${MAX_DEPTH} levels`, kind: 'limit' } };
  }
  return { file: { file: rel, body, comments } };
}

function templateText(e: Expr): string {
  if (e.k !== 'template') return '?';
  return e.parts.map((p) => (p.k === 'text' ? p.text : '?')).join('');
}

/** Anonymous tokens the converter needs (operators, parentheses); every other anonymous token is skipped. */
const KEEP_ANON = new Set(['(', ')', '-', '!', '*', '/', '%', '+', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
/** Named nodes whose children the converter never reads (it takes their text). */
const NO_DESCEND = new Set([
  'identifier', 'block_start', 'block_end', 'tuple_start', 'tuple_end', 'object_start', 'object_end', 'quoted_template_start',
  'quoted_template_end', 'template_literal', 'heredoc_start', 'heredoc_identifier', 'numeric_lit', 'bool_lit', 'null_lit', 'comment',
  'template_interpolation_start', 'template_interpolation_end', 'template_directive_start', 'template_directive_end', 'strip_marker',
  'ellipsis', 'legacy_index', 'string_lit', 'get_attr', 'variable_expr',
]);

interface Tables {
  names: string[];
  /** 0: skip, 1: keep and descend, 2: keep without children */
  action: Uint8Array;
  named: boolean[];
}

let tables: Tables | undefined;
function tablesFor(parser: import('web-tree-sitter').Parser): Tables | undefined {
  if (tables) return tables;
  const lang = parser.language;
  if (!lang) return undefined;
  const n = lang.nodeTypeCount;
  const names: string[] = [];
  const named: boolean[] = [];
  const action = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const name = lang.nodeTypeForId(i) ?? '';
    const isNamed = lang.nodeTypeIsNamed(i);
    names.push(name);
    named.push(isNamed);
    action[i] = isNamed ? (NO_DESCEND.has(name) ? 2 : 1) : KEEP_ANON.has(name) ? 2 : 0;
  }
  tables = { names, action, named };
  return tables;
}

function lineStarts(text: string): number[] {
  const out = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    out.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return out;
}

function rowOf(lines: number[], idx: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= idx) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Copies the tree into plain objects with one cursor walk. With `t` (no syntax errors), anonymous
 * punctuation is skipped and leaf-like nodes are not descended into, which keeps large files fast.
 */
function copyTree(cur: import('web-tree-sitter').TreeCursor, lines: number[], t: Tables | undefined): Raw {
  const mk = (type: string, named: boolean, missing: boolean): Raw => {
    const si = cur.startIndex;
    const ei = cur.endIndex;
    const sr = rowOf(lines, si);
    const er = ei === si ? sr : rowOf(lines, ei);
    return { t: type, named, missing, sr, sc: si - lines[sr]!, er, ec: ei - lines[er]!, si, ei, c: [] };
  };
  const root = t ? mk('config_file', true, false) : mk(cur.nodeType, cur.nodeIsNamed, cur.nodeIsMissing);
  const stack: Raw[] = [root];
  try {
    if (!cur.gotoFirstChild()) return root;
    for (;;) {
      let descend = false;
      let n: Raw | undefined;
      if (t) {
        const id = cur.nodeTypeId;
        const a = t.action[id] ?? 1;
        if (a !== 0) {
          n = mk(t.names[id] ?? cur.nodeType, t.named[id] ?? true, false);
          descend = a === 1;
        }
      } else {
        n = mk(cur.nodeType, cur.nodeIsNamed, cur.nodeIsMissing);
        descend = true;
      }
      if (n) stack[stack.length - 1]!.c.push(n);
      if (descend && n && cur.gotoFirstChild()) {
        stack.push(n);
        continue;
      }
      while (!cur.gotoNextSibling()) {
        if (!cur.gotoParent()) return root;
        stack.pop();
        if (stack.length === 0) return root;
      }
    }
  } finally {
    cur.delete();
  }
}

function firstError(root: Raw, text: string, file: string): InputError | undefined {
  const stack: Raw[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.t === 'ERROR' || n.missing) return describeError(n, root, text, file);
    for (let i = n.c.length - 1; i >= 0; i--) stack.push(n.c[i]!);
  }
  return undefined;
}

function describeError(n: Raw, root: Raw, text: string, file: string): InputError {
  const at = { file, line: n.sr + 1, column: n.sc + 1, kind: 'syntax' };
  if (n.missing) {
    if (n.t === 'heredoc_identifier') {
      const opener = findHeredocOpener(root, n.si, text);
      return { ...at, message: opener ? `unterminated heredoc: <<${opener.name} opened at line ${opener.line} has no closing ${opener.name}` : 'unterminated heredoc' };
    }
    if (n.t === 'quoted_template_end') return { ...at, message: 'unterminated string: missing closing \'"\'' };
    if (n.t === 'block_end' || n.t === 'object_end') return { ...at, message: "missing '}'" };
    if (n.t === 'tuple_end') return { ...at, message: "missing ']'" };
    if (n.t === ')' || n.t === '_function_call_end') return { ...at, message: "missing ')'" };
    const next = /^\s*(\S{1,30})/.exec(text.slice(n.si));
    const open = next ? undefined : unclosed(text);
    if (open) {
      const before = text.slice(0, open.offset);
      return { ...at, message: `missing '${open.close}' for the '${open.char}' opened at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}` };
    }
    return { ...at, message: next ? `unexpected '${next[1]}': expected an expression` : 'unexpected end of file: expected an expression' };
  }
  const raw = text.slice(n.si, n.ei);
  if (/^<<-?/.test(raw) || n.c.some((c) => c.t === 'heredoc_start')) return { ...at, message: 'unterminated heredoc' };
  const open = unclosed(raw);
  if (open && n.ei >= text.trimEnd().length) {
    const before = text.slice(0, n.si + open.offset);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { ...at, message: `missing '${open.close}' for the '${open.char}' opened at line ${line}, column ${column}` };
  }
  let leaf: Raw | undefined = n;
  while (leaf && leaf.c.length) leaf = leaf.c[0];
  const tok = leaf ? text.slice(leaf.si, leaf.ei) : '';
  if (tok === '"' && !/"[^\n]*"/.test(raw)) return { ...at, message: 'unterminated string' };
  if (tok.length > 0) {
    const shown = tok.length > 30 ? `${tok.slice(0, 30)}…` : tok;
    return { ...at, message: `unexpected '${shown.replace(/\n/g, '\\n')}'` };
  }
  return { ...at, message: 'syntax error' };
}

/** The innermost bracket left open in a piece of source (quoted strings and comments skipped). */
function unclosed(src: string): { char: string; close: string; offset: number } | undefined {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: { char: string; offset: number }[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"') {
      for (i++; i < src.length && src[i] !== '"' && src[i] !== '\n'; i++) if (src[i] === '\\') i++;
    } else if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (pairs[c]) stack.push({ char: c, offset: i });
    else if (c === '}' || c === ']' || c === ')') stack.pop();
  }
  const top = stack[stack.length - 1];
  return top ? { ...top, close: pairs[top.char]! } : undefined;
}

function findHeredocOpener(root: Raw, before: number, text: string): { name: string; line: number } | undefined {
  let found: { name: string; line: number } | undefined;
  const stack: Raw[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.si > before) continue;
    if (n.t === 'heredoc_template') {
      const id = n.c.find((c) => c.t === 'heredoc_identifier' && !c.missing);
      if (id && (!found || id.sr + 1 > found.line)) found = { name: text.slice(id.si, id.ei), line: id.sr + 1 };
    }
    for (const c of n.c) stack.push(c);
  }
  return found;
}

const BINARY_OPS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

class Converter {
  tooDeep: Span | undefined;
  tooDeepBlocks: Span | undefined;
  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {}

  span(n: Raw): Span {
    return { file: this.file, start: position(n.sr + 1, n.sc + 1), end: position(n.er + 1, n.ec + 1) };
  }
  spanFrom(a: Raw, b: Raw): Span {
    return { file: this.file, start: position(a.sr + 1, a.sc + 1), end: position(b.er + 1, b.ec + 1) };
  }
  /**
   * The source text of a node. V8 makes a substring of 13 characters or more a view into the whole file,
   * so a name or value kept by the graph would keep every file's text alive: such strings are copies
   * (one per distinct name in the file), and literal values below are detached the same way.
   */
  text(n: Raw): string {
    const s = this.src.slice(n.si, n.ei);
    return s.length < 13 ? s : this.names.intern(s);
  }
  private readonly names = new Interner();

  body(n: Raw, comments: Comment[], depth = 0): Body {
    const items: (Attribute | Block)[] = [];
    if (depth > MAX_BLOCK_DEPTH) {
      this.tooDeepBlocks ??= this.span(n);
      return { items, span: this.span(n) };
    }
    for (const c of n.c) {
      if (c.t === 'attribute') items.push(this.attribute(c));
      else if (c.t === 'block') items.push(this.block(c, comments, depth + 1));
      else if (c.t === 'comment') comments.push({ text: this.text(c), span: this.span(c) });
    }
    return { items, span: this.span(n) };
  }

  attribute(n: Raw): Attribute {
    const id = n.c[0]!;
    const ex = n.c.find((c) => c.t === 'expression');
    return { kind: 'attribute', name: this.text(id), nameSpan: this.span(id), expr: ex ? this.expr(ex, 0) : { k: 'lit', value: null, span: this.span(n) }, span: this.span(n) };
  }

  block(n: Raw, comments: Comment[], depth: number): Block {
    const id = n.c[0]!;
    const labels: string[] = [];
    const labelSpans: Span[] = [];
    let body: Body | undefined;
    for (const c of n.c.slice(1)) {
      if (c.t === 'string_lit') {
        const e = this.stringLit(c);
        labels.push(e.k === 'lit' ? String(e.value) : templateText(e));
        labelSpans.push(this.span(c));
      } else if (c.t === 'identifier') {
        labels.push(this.text(c));
        labelSpans.push(this.span(c));
      } else if (c.t === 'body') body = this.body(c, comments, depth);
      else if (c.t === 'comment') comments.push({ text: this.text(c), span: this.span(c) });
    }
    const open = n.c.find((c) => c.t === 'block_start') ?? n;
    return { kind: 'block', type: this.text(id), typeSpan: this.span(id), labels, labelSpans, body: body ?? { items: [], span: this.span(open) }, span: this.span(n) };
  }

  /** Converts any expression-bearing node. */
  expr(n: Raw, depth: number): Expr {
    if (depth > MAX_DEPTH) {
      this.tooDeep ??= this.span(n);
      return { k: 'invalid', message: 'too deep', span: this.span(n) };
    }
    const d = depth + 1;
    switch (n.t) {
      case 'expression':
        return this.seq(n.c.filter((c) => c.t !== 'comment'), n, d);
      case 'literal_value':
        return this.expr(n.c[0]!, d);
      case 'numeric_lit': {
        const t = this.text(n);
        return { k: 'lit', value: t.startsWith('0x') ? parseInt(t, 16) : Number(t), span: this.span(n) };
      }
      case 'bool_lit':
        return { k: 'lit', value: this.text(n) === 'true', span: this.span(n) };
      case 'null_lit':
        return { k: 'lit', value: null, span: this.span(n) };
      case 'string_lit':
        return this.stringLit(n);
      case 'template_expr':
        return this.expr(n.c[0]!, d);
      case 'quoted_template':
        return this.template(n, 'quoted', d);
      case 'heredoc_template':
        return this.template(n, 'heredoc', d);
      case 'collection_value':
        return this.expr(n.c[0]!, d);
      case 'tuple':
        return { k: 'tuple', items: n.c.filter((c) => c.t === 'expression').map((c) => this.expr(c, d)), span: this.span(n) };
      case 'object':
        return {
          k: 'object',
          span: this.span(n),
          items: n.c
            .filter((c) => c.t === 'object_elem')
            .map((el) => {
              const [k, v] = el.c.filter((c) => c.t === 'expression');
              return { key: this.objectKey(k!, d), value: v ? this.expr(v, d) : { k: 'lit', value: null, span: this.span(el) }, keySpan: this.span(k!) };
            }),
        };
      case 'variable_expr':
        return { k: 'var', name: this.text(n).trim(), span: this.span(n) };
      case 'function_call': {
        const args = n.c.find((c) => c.t === 'function_arguments');
        return {
          k: 'call',
          name: this.text(n.c[0]!),
          args: args ? args.c.filter((c) => c.t === 'expression').map((c) => this.expr(c, d)) : [],
          expand: !!args?.c.some((c) => c.t === 'ellipsis'),
          span: this.span(n),
        };
      }
      case 'for_expr':
        return this.expr(n.c[0]!, d);
      case 'for_tuple_expr':
      case 'for_object_expr':
        return this.forExpr(n, d);
      case 'operation':
        return this.expr(n.c[0]!, d);
      case 'unary_operation': {
        const op = this.text(n.c[0]!);
        return { k: 'unary', op, operand: this.seq(n.c.slice(1), n, d), span: this.span(n) };
      }
      case 'binary_operation': {
        let depthP = 0;
        let at = -1;
        for (let i = 0; i < n.c.length; i++) {
          const c = n.c[i]!;
          if (c.named) continue;
          if (c.t === '(') depthP++;
          else if (c.t === ')') depthP--;
          else if (depthP === 0 && i > 0 && BINARY_OPS.has(c.t)) {
            at = i;
            break;
          }
        }
        if (at < 0) return { k: 'invalid', message: 'unrecognised operation', span: this.span(n) };
        return { k: 'binary', op: n.c[at]!.t, left: this.seq(n.c.slice(0, at), n, d), right: this.seq(n.c.slice(at + 1), n, d), span: this.span(n) };
      }
      case 'conditional': {
        const [a, b, c] = n.c.filter((x) => x.t === 'expression');
        return { k: 'cond', cond: this.expr(a!, d), then: this.expr(b!, d), else: this.expr(c!, d), span: this.span(n) };
      }
      default:
        return { k: 'invalid', message: `unsupported syntax ${n.t}`, span: this.span(n) };
    }
  }

  private objectKey(k: Raw, d: number): Expr {
    const kids = k.c.filter((c) => c.t !== 'comment');
    if (kids.length === 1 && kids[0]!.t === 'variable_expr') return { k: 'lit', value: this.text(kids[0]!), span: this.span(k) };
    return this.expr(k, d);
  }

  /** A primary term followed by attribute, index and splat traversals. */
  private seq(kids: Raw[], whole: Raw, d: number): Expr {
    if (kids.length === 0) return { k: 'invalid', message: 'empty expression', span: this.span(whole) };
    let i = 0;
    let cur: Expr;
    const first = kids[0]!;
    if (first.t === '(') {
      const inner = kids.find((c) => c.t === 'expression');
      cur = inner ? this.expr(inner, d) : { k: 'invalid', message: 'empty parentheses', span: this.span(first) };
      i = kids.findIndex((c) => c.t === ')') + 1;
      if (i <= 0) i = kids.length;
      // keep the parenthesised span
      const close = kids[i - 1]!;
      cur = { ...cur, span: this.spanFrom(first, close) } as Expr;
    } else {
      cur = this.expr(first, d);
      i = 1;
    }
    for (; i < kids.length; i++) {
      const c = kids[i]!;
      const sp = this.spanFrom(first, c);
      if (c.t === 'get_attr') cur = { k: 'attr', obj: cur, name: attrName(this.text(c)), span: sp };
      else if (c.t === 'index') cur = { k: 'index', obj: cur, index: this.index(c, d), span: sp };
      else if (c.t === 'splat') {
        const s = c.c[0]!;
        const path: Traverser[] = [];
        for (const p of s.c) {
          if (p.t === 'get_attr') path.push({ k: 'attr', name: attrName(this.text(p)), span: this.span(p) });
          else if (p.t === 'index') path.push({ k: 'index', index: this.index(p, d), span: this.span(p) });
        }
        cur = { k: 'splat', obj: cur, path, span: sp };
      } else if (c.t === 'comment') continue;
      else if (i === kids.length - 1 && !c.named) continue;
      else return { k: 'invalid', message: `unexpected ${c.t}`, span: this.span(c) };
    }
    return cur;
  }

  private index(n: Raw, d: number): Expr {
    const inner = n.c[0]!;
    if (inner.t === 'legacy_index') {
      const t = this.text(inner).replace(/^\./, '');
      return { k: 'lit', value: Number(t), span: this.span(inner) };
    }
    const e = inner.c.find((c) => c.t === 'expression');
    return e ? this.expr(e, d) : { k: 'invalid', message: 'empty index', span: this.span(inner) };
  }

  private forExpr(n: Raw, d: number): Expr {
    const intro = n.c.find((c) => c.t === 'for_intro')!;
    const ids = intro.c.filter((c) => c.t === 'identifier').map((c) => this.text(c));
    const coll = intro.c.find((c) => c.t === 'expression')!;
    const exprs = n.c.filter((c) => c.t === 'expression');
    const cond = n.c.find((c) => c.t === 'for_cond');
    const condE = cond?.c.find((c) => c.t === 'expression');
    const base = {
      k: 'for' as const,
      valVar: ids.length > 1 ? ids[1]! : ids[0]!,
      coll: this.expr(coll, d),
      group: n.c.some((c) => c.t === 'ellipsis'),
      span: this.span(n),
      ...(ids.length > 1 ? { keyVar: ids[0]! } : {}),
      ...(condE ? { cond: this.expr(condE, d) } : {}),
    };
    if (n.t === 'for_object_expr') return { ...base, key: this.expr(exprs[0]!, d), value: this.expr(exprs[1]!, d) };
    return { ...base, value: this.expr(exprs[0]!, d) };
  }

  /** A quoted string without interpolation (`string_lit`): its value comes from the source text. */
  stringLit(n: Raw): Expr {
    const raw = this.src.slice(n.si, n.ei);
    const inner = raw.startsWith('"') ? raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined) : raw;
    return { k: 'lit', value: detach(unescape(inner, 'quoted')), span: this.span(n) };
  }

  /** Quoted strings and heredocs. A template of only literal text becomes a string literal. */
  template(n: Raw, mode: 'quoted' | 'heredoc', d: number): Expr {
    let kids = n.c;
    let contentStart: Raw | undefined;
    let contentEndIdx = -1;
    let flush = false;
    if (mode === 'heredoc') {
      flush = this.text(n.c[0]!) === '<<-';
      const ids = n.c.filter((c) => c.t === 'heredoc_identifier');
      const open = ids[0]!;
      contentStart = open;
      const close = ids[1];
      kids = n.c.slice(n.c.indexOf(open) + 1, close ? n.c.indexOf(close) : n.c.length);
      // content ends at the start of the closing marker's line
      contentEndIdx = close ? this.src.lastIndexOf('\n', close.si - 1) + 1 : n.ei;
    } else {
      contentStart = n.c[0];
      const end = n.c[n.c.length - 1];
      kids = n.c.slice(1, n.c.length - 1);
      contentEndIdx = end && end.t === 'quoted_template_end' ? end.si : n.ei;
    }
    let startIdx = contentStart ? contentStart.ei : n.si;
    let startPos = contentStart ? { r: contentStart.er, c: contentStart.ec } : { r: n.sr, c: n.sc };
    if (mode === 'heredoc') {
      const nl = this.src.indexOf('\n', startIdx);
      if (nl >= 0 && nl < contentEndIdx) {
        startIdx = nl + 1;
        startPos = { r: startPos.r + 1, c: 0 };
      }
    }
    const parts = this.parts(kids.filter((k) => k.t !== 'template_literal'), startIdx, startPos, contentEndIdx, mode, d);
    let out = parts;
    if (flush) out = stripIndent(parts);
    if (mode === 'heredoc') {
      // the newline before the closing marker belongs to the content (Terraform keeps it)
    }
    if (out.every((p) => p.k === 'text')) return { k: 'lit', value: out.map((p) => (p.k === 'text' ? p.text : '')).join(''), span: this.span(n) };
    return { k: 'template', parts: out, span: this.span(n) };
  }

  /** Template parts between [from, to): structural nodes in `kids`, literal text from the source between them. */
  private parts(kids: Raw[], from: number, fromPos: { r: number; c: number }, to: number, mode: 'quoted' | 'heredoc', d: number): TemplatePart[] {
    const out: TemplatePart[] = [];
    let idx = from;
    let pos = fromPos;
    const pushText = (endIdx: number, endPos: { r: number; c: number }) => {
      const strip = this.stripNext;
      this.stripNext = false;
      if (endIdx > idx) {
        let raw = this.src.slice(idx, endIdx);
        if (strip) raw = raw.replace(/^\s+/, '');
        out.push({ k: 'text', text: detach(unescape(raw, mode)), span: { file: this.file, start: position(pos.r + 1, pos.c + 1), end: position(endPos.r + 1, endPos.c + 1) } });
      }
    };
    for (const k of kids) {
      if (k.t === 'comment') continue;
      pushText(k.si, { r: k.sr, c: k.sc });
      if (k.t === 'template_interpolation') {
        const e = k.c.find((c) => c.t === 'expression');
        out.push({ k: 'interp', expr: e ? this.expr(e, d) : { k: 'lit', value: '', span: this.span(k) }, span: this.span(k) });
        this.strip(out, k);
      } else if (k.t === 'template_directive') {
        const dir = k.c[0]!;
        if (dir.t === 'template_if') out.push(this.ifDirective(dir, mode, d));
        else if (dir.t === 'template_for') out.push(this.forDirective(dir, mode, d));
        this.strip(out, k);
      }
      idx = k.ei;
      pos = { r: k.er, c: k.ec };
    }
    const toPos = this.posOfIndex(to, kids, pos, idx);
    pushText(to, toPos);
    return out;
  }

  private posOfIndex(to: number, _kids: Raw[], pos: { r: number; c: number }, idx: number): { r: number; c: number } {
    let r = pos.r;
    let c = pos.c;
    for (let i = idx; i < to; i++) {
      if (this.src.charCodeAt(i) === 10) {
        r++;
        c = 0;
      } else c++;
    }
    return { r, c };
  }

  private strip(out: TemplatePart[], k: Raw): void {
    const t = this.text(k);
    if (t.startsWith('${~') || t.startsWith('%{~')) {
      const prev = out[out.length - 2];
      if (prev && prev.k === 'text') prev.text = prev.text.replace(/\s+$/, '');
    }
    if (/~\}$/.test(t)) this.stripNext = true;
  }

  private stripNext = false;

  private ifDirective(n: Raw, mode: 'quoted' | 'heredoc', d: number): TemplatePart {
    const intro = n.c.find((c) => c.t === 'template_if_intro')!;
    const elseI = n.c.find((c) => c.t === 'template_else_intro');
    const end = n.c.find((c) => c.t === 'template_if_end') ?? n;
    const cond = intro.c.find((c) => c.t === 'expression')!;
    const thenKids = n.c.filter((c) => (c.t === 'template_interpolation' || c.t === 'template_directive') && c.si >= intro.ei && (!elseI || c.ei <= elseI.si));
    const elseKids = elseI ? n.c.filter((c) => (c.t === 'template_interpolation' || c.t === 'template_directive') && c.si >= elseI.ei) : [];
    const thenEnd = elseI ? elseI.si : end.si;
    return {
      k: 'if',
      cond: this.expr(cond, d),
      then: this.parts(thenKids, intro.ei, { r: intro.er, c: intro.ec }, thenEnd, mode, d),
      else: elseI ? this.parts(elseKids, elseI.ei, { r: elseI.er, c: elseI.ec }, end.si, mode, d) : [],
      span: this.span(n),
    };
  }

  private forDirective(n: Raw, mode: 'quoted' | 'heredoc', d: number): TemplatePart {
    const start = n.c.find((c) => c.t === 'template_for_start')!;
    const end = n.c.find((c) => c.t === 'template_for_end') ?? n;
    const ids = start.c.filter((c) => c.t === 'identifier').map((c) => this.text(c));
    const coll = start.c.find((c) => c.t === 'expression')!;
    const kids = n.c.filter((c) => c.t === 'template_interpolation' || c.t === 'template_directive');
    return {
      k: 'for',
      valVar: ids.length > 1 ? ids[1]! : ids[0]!,
      ...(ids.length > 1 ? { keyVar: ids[0]! } : {}),
      coll: this.expr(coll, d),
      body: this.parts(kids, start.ei, { r: start.er, c: start.ec }, end.si, mode, d),
      span: this.span(n),
    };
  }
}

/** `.name` (possibly with comments or spaces after the dot) → `name`. */
function attrName(t: string): string {
  if (t.charCodeAt(0) === 46 && !/[\s/#]/.test(t)) return t.slice(1);
  const m = /[^\s.][^\s]*$/u.exec(t.replace(/\/\*[\s\S]*?\*\//g, ''));
  return m ? m[0] : t.slice(1).trim();
}

function stripIndent(parts: TemplatePart[]): TemplatePart[] {
  // lines begin at the start of the content and after each newline in text parts
  let min = Infinity;
  const measure = (t: string, atLineStart: boolean) => {
    const lines = t.split('\n');
    lines.forEach((l, i) => {
      if (i === 0 && !atLineStart) return;
      if (l.trim() === '' && i === lines.length - 1) return;
      if (l.trim() === '') return;
      const m = /^[ \t]*/.exec(l)![0].length;
      if (m < min) min = m;
    });
  };
  let lineStart = true;
  for (const p of parts) {
    if (p.k === 'text') {
      measure(p.text, lineStart);
      lineStart = p.text.endsWith('\n');
    } else {
      if (lineStart) min = 0;
      lineStart = false;
    }
  }
  if (!isFinite(min) || min === 0) return parts;
  lineStart = true;
  return parts.map((p) => {
    if (p.k !== 'text') {
      lineStart = false;
      return p;
    }
    const lines = p.text.split('\n').map((l, i) => ((i > 0 || lineStart) ? l.replace(new RegExp(`^[ \\t]{0,${min}}`), '') : l));
    lineStart = p.text.endsWith('\n');
    return { ...p, text: lines.join('\n') };
  });
}

function unescape(raw: string, mode: 'quoted' | 'heredoc'): string {
  let s = raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (mode === 'heredoc') return s;
  if (!s.includes('\\')) return s;
  s = s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case '"': return '"';
      case '\\': return '\\';
      case 'u':
      case 'U': return String.fromCodePoint(parseInt(e.slice(1), 16));
      default: return e;
    }
  });
  return s;
}
