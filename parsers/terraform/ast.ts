import type { Span } from '../../src/core/source.js';

/** A small typed HCL syntax tree, the same for native `.tf` and `.tf.json` files. */
export interface HclFile {
  file: string;
  body: Body;
  comments: Comment[];
}

export interface Comment {
  text: string;
  span: Span;
}

/** A body keeps attributes and blocks in source order. */
export interface Body {
  items: (Attribute | Block)[];
  span: Span;
}

export interface Attribute {
  kind: 'attribute';
  name: string;
  nameSpan: Span;
  expr: Expr;
  span: Span;
}

export interface Block {
  kind: 'block';
  type: string;
  typeSpan: Span;
  labels: string[];
  labelSpans: Span[];
  body: Body;
  span: Span;
}

export type TemplatePart =
  | { k: 'text'; text: string; span: Span }
  | { k: 'interp'; expr: Expr; span: Span }
  | { k: 'if'; cond: Expr; then: TemplatePart[]; else: TemplatePart[]; span: Span }
  | { k: 'for'; keyVar?: string; valVar: string; coll: Expr; body: TemplatePart[]; span: Span };

export type Traverser =
  | { k: 'attr'; name: string; span: Span }
  | { k: 'index'; index: Expr; span: Span };

export type Expr =
  | { k: 'lit'; value: string | number | boolean | null; span: Span }
  | { k: 'template'; parts: TemplatePart[]; span: Span }
  | { k: 'tuple'; items: Expr[]; span: Span }
  | { k: 'object'; items: { key: Expr; value: Expr; keySpan: Span }[]; span: Span }
  | { k: 'var'; name: string; span: Span }
  | { k: 'attr'; obj: Expr; name: string; span: Span }
  | { k: 'index'; obj: Expr; index: Expr; span: Span }
  | { k: 'splat'; obj: Expr; path: Traverser[]; span: Span }
  | { k: 'call'; name: string; args: Expr[]; expand: boolean; span: Span }
  | { k: 'cond'; cond: Expr; then: Expr; else: Expr; span: Span }
  | { k: 'unary'; op: string; operand: Expr; span: Span }
  | { k: 'binary'; op: string; left: Expr; right: Expr; span: Span }
  | {
      k: 'for';
      keyVar?: string;
      valVar: string;
      coll: Expr;
      key?: Expr;
      value: Expr;
      cond?: Expr;
      group: boolean;
      span: Span;
    }
  | { k: 'invalid'; message: string; span: Span };

export function attributesOf(body: Body): Attribute[] {
  return body.items.filter((i): i is Attribute => i.kind === 'attribute');
}

export function blocksOf(body: Body, type?: string): Block[] {
  return body.items.filter((i): i is Block => i.kind === 'block' && (type === undefined || i.type === type));
}

export function attributeOf(body: Body, name: string): Attribute | undefined {
  for (const i of body.items) if (i.kind === 'attribute' && i.name === name) return i;
  return undefined;
}
