import type { Span } from '../src/core/source.js';

/**
 * A parsed data document (YAML or JSON) that keeps the source span of every key and value.
 * Parsers produce it; the graph builders read it. It holds no semantics of its own:
 * a CloudFormation short-form tag such as `!Ref X` becomes the map `{ Ref: X }` it stands for,
 * with the tag's span, so the long and short forms look the same downstream.
 */
export type DocNode = DocScalar | DocMap | DocSeq;

export interface DocScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  span: Span;
  /**
   * The source text, only when a plain (unquoted) scalar resolved to a number, boolean or null
   * that does not print back the same (`012345678901`, `8.0`, `~`). YAML 1.2 core schema.
   */
  raw?: string;
}

export interface DocEntry {
  key: string;
  keySpan: Span;
  value: DocNode;
}

export interface DocMap {
  kind: 'map';
  entries: DocEntry[];
  span: Span;
  /** True when the map was written as a short-form tag (`!Sub …`); informative only. */
  fromTag?: boolean;
}

export interface DocSeq {
  kind: 'seq';
  items: DocNode[];
  span: Span;
}

/** A comment in the source, kept for suppressions (`# iac-check:ignore rule-id reason`). */
export interface DocComment {
  /** The whole comment, from `#` to the end of the line. */
  text: string;
  span: Span;
}

export interface ParsedDocument {
  root: DocNode;
  comments: DocComment[];
}

export function getEntry(map: DocNode | undefined, key: string): DocEntry | undefined {
  if (!map || map.kind !== 'map') return undefined;
  return map.entries.find((e) => e.key === key);
}

export function get(map: DocNode | undefined, key: string): DocNode | undefined {
  return getEntry(map, key)?.value;
}
