import { mkdtempSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { buildTerraform, type TerraformInput } from '../../src/graph/terraform/index.js';
import type { ResourceNode } from '../../src/graph/graph.js';

export function kindOf(rel: string): 'terraform' | 'terraform-json' | 'tfvars' | undefined {
  if (rel.endsWith('.tf')) return 'terraform';
  if (rel.endsWith('.tf.json')) return 'terraform-json';
  if (rel.endsWith('.tfvars') || rel.endsWith('.tfvars.json')) return 'tfvars';
  return undefined;
}

export function listFiles(root: string): TerraformInput['files'] {
  const out: TerraformInput['files'] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) {
        if (n !== '.terraform') walk(p);
        continue;
      }
      const rel = relative(root, p).split(sep).join('/');
      const k = kindOf(rel);
      if (k) out.push({ path: p, rel, kind: k });
    }
  };
  walk(root);
  return out;
}

export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'iac-tf-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

export async function build(root: string, extra: Partial<TerraformInput> = {}) {
  const r = await buildTerraform({ root, files: listFiles(root), ...extra });
  const nodes = r.parts.flatMap((p) => p.nodes);
  const edges = r.parts.flatMap((p) => p.edges);
  const byAddr = (a: string): ResourceNode => {
    const n = nodes.find((x) => x.address === a);
    if (!n) throw new Error(`no node ${a}; have ${nodes.map((x) => x.address).join(', ')}`);
    return n;
  };
  return { ...r, nodes, edges, byAddr };
}

export async function buildFiles(files: Record<string, string>, extra: Partial<TerraformInput> = {}) {
  return build(writeTree(files), extra);
}
