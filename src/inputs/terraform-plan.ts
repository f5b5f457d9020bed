/** Terraform plans (`terraform show -json`): `.json` files whose first bytes say they are plans. */
import { posix } from 'node:path';
import { LIMITS } from '../core/limits.js';
import { readSourceText } from '../core/source.js';
import { largeInput } from '../core/memory.js';
import { isPlanHead } from '../../parsers/terraform/json.js';
import type { InputFormat } from './format.js';


export const terraformPlan: InputFormat = {
  name: 'Terraform plan',
  kinds: ['terraform-plan'],
  refine: { of: 'data', kind: 'terraform-plan', name: (n) => n.endsWith('.json'), head: isPlanHead },
  async build(files, ctx) {
    const { buildTerraformPlan } = await import('../graph/terraform/plan.js');
    for (const file of files) {
      await ctx.unit(file.rel, async () => {
        const read = await readSourceText(file.path, file.rel, LIMITS.planBytes, 'plan');
        if ('error' in read) return void ctx.errors.push(read.error);
        largeInput(read.text.length);
        const dir = posix.dirname(file.rel);
        // The configuration beside the plan, when the scan built it; else the plan looks for it (honouring the excludes).
        const nodes = ctx.terraformRoots.get(dir);
        const plan = await buildTerraformPlan({ root: ctx.root, file: file.rel, text: read.text, parseOnly: ctx.parseOnly, exclude: ctx.exclude, ...(nodes ? { config: { nodes } } : {}) });
        ctx.errors.push(...plan.errors);
        ctx.notes.push(...plan.notes);
        for (const part of plan.parts) ctx.add(part);
        ctx.scanned();
      });
    }
  },
};
