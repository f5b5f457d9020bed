/** AWS CDK cloud assemblies: a folder with a `manifest.json` that has `artifacts`; its stacks go through CloudFormation. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { resolve } from 'node:path';
import { LIMITS } from '../core/limits.js';
import type { InputFormat } from './format.js';

/** True when `dir` holds a CDK cloud assembly manifest (`manifest.json` with `artifacts`). */
export async function isCdkAssembly(dir: string): Promise<boolean> {
  const manifest = path.join(dir, 'manifest.json');
  try {
    const st = await fs.stat(manifest);
    if (!st.isFile() || st.size > LIMITS.metadataBytes) return false;
    const data: unknown = JSON.parse(await fs.readFile(manifest, 'utf8'));
    return !!data && typeof data === 'object' && !Array.isArray(data) && 'artifacts' in data;
  } catch {
    return false;
  }
}

export const cdk: InputFormat = {
  name: 'CDK',
  kinds: ['cdk-assembly'],
  claimsFolder: isCdkAssembly,
  async build(files, ctx) {
    for (const assembly of files) {
      const { buildCdkAssembly } = await import('../graph/cdk/index.js');
      const r = await ctx.unit(assembly.rel, () => buildCdkAssembly({ root: ctx.root, dir: assembly.path, rel: assembly.rel, ...(ctx.cdkSource ? { cdkSource: resolve(ctx.cdkSource) } : {}), parseOnly: ctx.parseOnly }));
      if (!r) continue;
      ctx.errors.push(...r.errors);
      ctx.notes.push(...r.notes);
      for (const part of r.parts) ctx.add(part);
      // One part per stack template: the count a reader expects from "files scanned".
      ctx.scanned(Math.max(1, r.parts.length));
    }
  },
};
