import type { Span } from '../../core/source.js';
import type { Attribute, Block, Comment, HclFile } from '../../../parsers/terraform/ast.js';
import { attributeOf } from '../../../parsers/terraform/ast.js';
import { isSuppression } from './block-suppressions.js';

/** The blocks of one module folder, indexed (no evaluation). */
export interface ModuleConfig {
  dir: string;
  files: HclFile[];
  variables: Map<string, Block>;
  locals: Map<string, Attribute>;
  resources: Block[];
  resourceByKey: Map<string, Block>;
  data: Block[];
  dataByKey: Map<string, Block>;
  modules: Block[];
  moduleByName: Map<string, Block>;
  outputs: Map<string, Block>;
  providers: Block[];
  /** file → line → comments on that line, for the files that hold a suppression comment (the others have nothing to read) */
  comments: Map<string, Map<number, Comment[]>>;
}

export function buildConfig(dir: string, files: HclFile[]): ModuleConfig {
  const cfg: ModuleConfig = {
    dir,
    files,
    variables: new Map(),
    locals: new Map(),
    resources: [],
    resourceByKey: new Map(),
    data: [],
    dataByKey: new Map(),
    modules: [],
    moduleByName: new Map(),
    outputs: new Map(),
    providers: [],
    comments: new Map(),
  };
  for (const f of files) {
    const byLine = new Map<number, Comment[]>();
    for (const c of f.comments) {
      const l = byLine.get(c.span.start.line);
      if (l) l.push(c);
      else byLine.set(c.span.start.line, [c]);
    }
    if (f.comments.some(isSuppression)) cfg.comments.set(f.file, byLine);
    for (const it of f.body.items) {
      if (it.kind !== 'block') continue;
      const [a, b] = it.labels;
      switch (it.type) {
        case 'variable': if (a !== undefined) cfg.variables.set(a, it); break;
        case 'locals':
          for (const x of it.body.items) if (x.kind === 'attribute') cfg.locals.set(x.name, x);
          break;
        case 'resource':
          if (a !== undefined && b !== undefined) {
            cfg.resources.push(it);
            cfg.resourceByKey.set(`${a}.${b}`, it);
          }
          break;
        case 'data':
          if (a !== undefined && b !== undefined) {
            cfg.data.push(it);
            cfg.dataByKey.set(`${a}.${b}`, it);
          }
          break;
        case 'module':
          if (a !== undefined) {
            cfg.modules.push(it);
            cfg.moduleByName.set(a, it);
          }
          break;
        case 'output': if (a !== undefined) cfg.outputs.set(a, it); break;
        case 'provider': cfg.providers.push(it); break;
        default: break;
      }
    }
  }
  return cfg;
}

/** The literal `version` constraint of a module block. */
export function moduleVersion(b: Block): string | undefined {
  const a = attributeOf(b.body, 'version');
  return a && a.expr.k === 'lit' && typeof a.expr.value === 'string' ? a.expr.value : undefined;
}

/** The literal `source` of a module block. */
export function moduleSource(b: Block): { value: string; span: Span } | undefined {
  const a = attributeOf(b.body, 'source');
  if (!a || a.expr.k !== 'lit' || typeof a.expr.value !== 'string') return undefined;
  return { value: a.expr.value, span: a.span };
}
