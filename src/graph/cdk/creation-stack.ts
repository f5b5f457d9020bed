/**
 * The dynamic half of CDK source mapping: the frames of `aws:cdk:creationStack`, matched to files of the
 * scan root, compiled JavaScript followed to its TypeScript through its source map or by path.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../core/source.js';
import { exists, isInside, relOf } from './files.js';
import { readSourceMap, type SourceMap } from './source-maps.js';

/** One frame of a creation stack: `new Foo (/abs/lib/x.ts:12:5)`, `/abs/x.ts:6 (:)`, `at file:///abs/x.js:3:1`. */
export function parseFrame(line: string): { file: string; line: number; column: number } | undefined {
  const t = line.trim().replace(/^at\s+/, '');
  if (t.startsWith('...') || t.startsWith('(')) return undefined;
  const m = /(?:^|\()((?:file:\/\/)?(?:[A-Za-z]:)?[^():]+?):(\d+)(?::(\d+))?(?:\)|\s|$)/.exec(t);
  if (!m) return undefined;
  let file = m[1]!.trim();
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      return undefined;
    }
  }
  if (file.startsWith('node:') || file.includes('node_modules') || file.startsWith('internal/')) return undefined;
  return { file, line: Number(m[2]), column: m[3] ? Number(m[3]) : 1 };
}

/** Maps creation-stack frames to files of the scan root by the longest existing path suffix. */
export class FrameMapper {
  private readonly cache = new Map<string, string | undefined>();
  private readonly maps = new Map<string, SourceMap | null>();
  private readonly tsOf = new Map<string, string | undefined>();
  constructor(
    private readonly root: string,
    private readonly appDir: string | undefined,
    /** `--cdk-source`: a folder that holds the TypeScript of compiled files, under the same relative paths. */
    private readonly sourceDir?: string,
  ) {}

  async map(absPath: string): Promise<string | undefined> {
    if (this.cache.has(absPath)) return this.cache.get(absPath);
    const segs = absPath.split(/[\\/]+/).filter((s) => s !== '');
    let hit: string | undefined;
    const bases = this.appDir ? [this.appDir, this.root] : [this.root];
    outer: for (let i = 0; i < segs.length; i++) {
      const suffix = segs.slice(i);
      if (suffix.includes('node_modules')) continue;
      for (const base of bases) {
        const cand = path.join(base, ...suffix);
        if (isInside(this.root, cand) && (await exists(cand))) {
          hit = cand;
          break outer;
        }
      }
    }
    this.cache.set(absPath, hit);
    return hit;
  }

  /**
   * A position in compiled JavaScript translated to its TypeScript source through the file's
   * source map (inline `data:` URL or a `.map` file). A `.js` file with no `.ts` beside it is
   * the app's own JavaScript and is kept; one compiled from TypeScript without a map is dropped.
   */
  async viaSourceMap(jsAbs: string, line: number, column: number): Promise<{ file: string; line: number; column: number; note?: string } | undefined> {
    let map = this.maps.get(jsAbs);
    if (map === undefined) {
      map = (await readSourceMap(jsAbs)) ?? null;
      this.maps.set(jsAbs, map);
    }
    if (map) {
      const orig = map.lookup(line, column);
      if (orig) {
        const target = path.isAbsolute(orig.source) && (await exists(orig.source)) && isInside(this.root, orig.source) ? orig.source : await this.map(orig.source);
        if (target && !/\.[cm]?js$/.test(target)) return { file: target, line: orig.line, column: orig.column };
      }
    }
    if (await this.typeScriptOf(jsAbs)) return undefined;
    const note = (await looksCompiled(jsAbs))
      ? `the construct is created in compiled JavaScript with no source map, and no TypeScript was found beside it or at the same path below the app folder: the finding stays on the .js line (pass --cdk-source with the folder of the TypeScript)`
      : undefined;
    return { file: jsAbs, line, column, ...(note ? { note } : {}) };
  }

  /**
   * The TypeScript a compiled file was made from, without a source map: beside it (`tsc` in place), or
   * at the same path below the app folder with the output folder left out (`build/lib/x.js` → `lib/x.ts`).
   */
  async typeScriptOf(jsAbs: string): Promise<string | undefined> {
    if (this.tsOf.has(jsAbs)) return this.tsOf.get(jsAbs);
    const bases = [jsAbs.replace(/\.[cm]?js$/, '')];
    const top = this.appDir ?? this.root;
    if (isInside(top, jsAbs)) {
      const segs = path.relative(top, jsAbs).replace(/\.[cm]?js$/, '').split(/[\\/]+/);
      for (let i = 1; i < segs.length; i++) bases.push(path.join(top, ...segs.slice(i)));
      if (this.sourceDir) for (let i = 0; i < segs.length; i++) bases.push(path.join(this.sourceDir, ...segs.slice(i)));
    }
    let hit: string | undefined;
    outer: for (const base of bases) {
      for (const ext of ['.ts', '.tsx', '.mts', '.cts']) {
        if (isInside(this.root, base + ext) && (await exists(base + ext))) {
          hit = base + ext;
          break outer;
        }
      }
    }
    this.tsOf.set(jsAbs, hit);
    return hit;
  }

  /**
   * The first frame in the app's own code, as a span in the scan root. Frames for which
   * `skip` holds (a call that only passes the id through) give way to the next app frame.
   */
  async firstAppFrame(frames: string[], skip: (span: Span) => boolean = () => false): Promise<{ span: Span; note?: string } | { reason: string }> {
    let sawFrame = false;
    let first: { span: Span; note?: string } | undefined;
    let compiledOnly: { js: string; ts: string } | undefined;
    for (const f of frames) {
      const frame = parseFrame(f);
      if (!frame) continue;
      sawFrame = true;
      const mapped = await this.map(frame.file);
      if (!mapped) continue;
      let at: { file: string; line: number; column: number; note?: string } | undefined = { file: mapped, line: frame.line, column: frame.column };
      if (/\.[cm]?js$/.test(mapped)) {
        // Compiled JavaScript (`tsc` in place, `"app": "node bin/app.js"`): its source map leads to the TypeScript.
        at = await this.viaSourceMap(mapped, frame.line, frame.column);
        if (!at) {
          const source = await this.typeScriptOf(mapped);
          compiledOnly ??= { js: relOf(this.root, mapped), ts: source ? relOf(this.root, source) : '?' };
          continue;
        }
      }
      const span: Span = { file: relOf(this.root, at.file), start: { line: at.line, column: at.column }, end: { line: at.line, column: at.column } };
      const hit = at.note ? { span, note: at.note } : { span };
      first ??= hit;
      if (!skip(span)) return hit;
    }
    if (first) return first;
    if (compiledOnly) {
      const where = path.posix.dirname(compiledOnly.js) === path.posix.dirname(compiledOnly.ts) ? 'beside it' : `at ${compiledOnly.ts}`;
      return { reason: `the creation stack names compiled JavaScript (${compiledOnly.js}) that has TypeScript ${where} but no source map leading to it` };
    }
    return { reason: sawFrame ? 'the creation stack names no file found under the scan root' : 'the creation stack holds no frame of the app\'s own code' };
  }
}

/** Whether a JavaScript file reads like TypeScript's CommonJS output (its `__esModule` marker), not JavaScript written by hand. */
async function looksCompiled(jsAbs: string): Promise<boolean> {
  try {
    const head = (await fs.readFile(jsAbs, 'utf8')).slice(0, 4096);
    return /Object\.defineProperty\(exports, "__esModule", \{ value: true \}\)/.test(head);
  } catch {
    return false;
  }
}
