export type { Attribute, Block, Body, Comment, Expr, HclFile, TemplatePart, Traverser } from './ast.js';
export { attributeOf, attributesOf, blocksOf } from './ast.js';
export { parseHcl } from './hcl.js';
export { parseTfJson } from './json.js';
export { terraformParser } from './treesitter.js';
