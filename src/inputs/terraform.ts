/** Terraform configurations: `.tf`, `.tf.json` and `.tfvars` files, built together as root modules and their module calls. */
import { resolve } from 'node:path';
import type { InputFormat } from './format.js';

type TerraformKind = 'terraform' | 'terraform-json' | 'tfvars';

export const terraform: InputFormat = {
  name: 'Terraform',
  kinds: ['terraform', 'terraform-json', 'tfvars'],
  classify(n) {
    if (n.endsWith('.tfvars.json')) return 'tfvars';
    if (n.endsWith('.tf.json')) return 'terraform-json';
    if (n.endsWith('.tf')) return 'terraform';
    if (n.endsWith('.tfvars')) return 'tfvars';
    return undefined;
  },
  async build(files, ctx) {
    if (!files.length) return;
    const { buildTerraform } = await import('../graph/terraform/index.js');
    const tf = await ctx.unit(files.length === 1 ? files[0]!.rel : '.', () =>
      buildTerraform({
        root: ctx.root,
        files: files.map((f) => ({ path: f.path, rel: f.rel, kind: f.kind as TerraformKind })),
        ...(ctx.varFiles ? { varFiles: ctx.varFiles.map((v) => resolve(v)) } : {}),
        ...(ctx.vars ? { vars: ctx.vars } : {}),
        ...(ctx.parseOnly ? { parseOnly: true } : {}),
        ...(ctx.downloadModules ? { download: ctx.downloadModules } : {}),
        contextFor: ctx.contextFor,
      }),
    );
    ctx.scanned(files.length);
    if (!tf) return;
    ctx.errors.push(...tf.errors);
    ctx.notes.push(...tf.notes);
    ctx.unresolvedModules.push(...tf.unresolvedModules);
    for (const part of tf.parts) {
      ctx.add(part);
      for (const n of part.nodes) {
        const root = n.id.split('::')[0]!;
        const list = ctx.terraformRoots.get(root) ?? [];
        list.push(n);
        ctx.terraformRoots.set(root, list);
      }
    }
  },
};
