/**
 * Source maps of compiled CDK apps (`tsc` output next to or below the TypeScript): read from the
 * compiled file's `sourceMappingURL` (inline `data:` URL or a `.map` file), else `<file>.map`.
 * Decoding (the JSON, the VLQ mappings, sectioned index maps) is `@jridgewell/trace-mapping`'s job;
 * this module only finds the map, bounds its size and resolves its sources to paths.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlattenMap, decodedMappings, type SourceMapInput, type TraceMap } from '@jridgewell/trace-mapping';

const MAX_MAP_BYTES = 16 * 1024 * 1024;

/** A decoded source map (version 3), looked up by generated line and column. */
export class SourceMap {
  private constructor(
    private readonly sources: string[],
    /** Generated line → segments `[genColumn, source, line, column]` (or `[genColumn]`), 0-based, in column order. */
    private readonly lines: readonly (readonly (readonly number[])[])[],
  ) {}

  /**
   * The original position of a 1-based generated line and column: the nearest segment with a source at or
   * before it, else the line's first segment with a source.
   */
  lookup(line: number, column: number): { source: string; line: number; column: number } | undefined {
    const segs = this.lines[line - 1];
    if (!segs?.length) return undefined;
    let best: readonly number[] | undefined;
    for (const s of segs) if (s[0]! <= column - 1 && s.length >= 4) best = s;
    best ??= segs.find((s) => s.length >= 4);
    if (!best) return undefined;
    const source = this.sources[best[1]!];
    return source === undefined ? undefined : { source, line: best[2]! + 1, column: best[3]! + 1 };
  }

  /** Parses a source map; `dir` is the folder its relative sources are resolved against. Undefined when it is not one. */
  static parse(text: string, dir: string): SourceMap | undefined {
    let map: TraceMap;
    try {
      // FlattenMap reads plain and sectioned (index) maps alike; a broken map throws.
      map = new FlattenMap(text as SourceMapInput);
    } catch {
      return undefined;
    }
    const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
    const sources = map.sources.map((s) => {
      const joined = root ? `${root.replace(/\/+$/, '')}/${String(s)}` : String(s);
      const p = joined.startsWith('file://') ? safeFileUrl(joined) : joined;
      return path.isAbsolute(p) ? p : path.resolve(dir, p);
    });
    return new SourceMap(sources, decodedMappings(map));
  }
}

function safeFileUrl(u: string): string {
  try {
    return fileURLToPath(u);
  } catch {
    return u;
  }
}

/** The source map of a compiled file: its `sourceMappingURL` comment (inline or a file), else `<file>.map`. */
export async function readSourceMap(jsAbs: string): Promise<SourceMap | undefined> {
  let js: string;
  try {
    const st = await fs.stat(jsAbs);
    if (st.size > MAX_MAP_BYTES) return undefined;
    js = await fs.readFile(jsAbs, 'utf8');
  } catch {
    return undefined;
  }
  const dir = path.dirname(jsAbs);
  const url = /\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/.exec(js.trimEnd())?.[1];
  if (url?.startsWith('data:')) {
    const m = /^data:application\/json(?:;charset=[^;,]+)?;base64,(.*)$/i.exec(url);
    return m ? SourceMap.parse(Buffer.from(m[1]!, 'base64').toString('utf8'), dir) : undefined;
  }
  const mapAbs = url ? path.resolve(dir, decodeURIComponent(url)) : `${jsAbs}.map`;
  try {
    const st = await fs.stat(mapAbs);
    if (!st.isFile() || st.size > MAX_MAP_BYTES) return undefined;
    return SourceMap.parse(await fs.readFile(mapAbs, 'utf8'), path.dirname(mapAbs));
  } catch {
    return undefined;
  }
}
