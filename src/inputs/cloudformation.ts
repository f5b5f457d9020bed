/** CloudFormation templates: YAML/JSON files that turn out to be templates once parsed. */
import { EvalBudget, LIMITS, limitMessage } from '../core/limits.js';
import { readSourceText } from '../core/source.js';
import type { InputFormat } from './format.js';
import { readAhead } from './read-ahead.js';

/** Templates read ahead of the one being parsed (each at most LIMITS.planBytes of text). */
export const CFN_READ_AHEAD = 4;

export const cloudformation: InputFormat = {
  name: 'CloudFormation',
  kinds: ['data'],
  classify: (n) => (n.endsWith('.yaml') || n.endsWith('.yml') || n.endsWith('.json') || n.endsWith('.template') ? 'data' : undefined),
  async build(files, ctx) {
    // Not-templates (package-lock.json …) may be large: the parser refuses what is over its limit.
    // The first reads start now, while the parser and the builders load.
    const reads = readAhead(files, (file) => readSourceText(file.path, file.rel, LIMITS.planBytes), CFN_READ_AHEAD);
    const { parseTemplate } = await import('../../parsers/cloudformation/index.js');
    const { buildTemplate } = await import('../graph/cloudformation/build.js');
    const { templateStructureErrors } = await import('../graph/cloudformation/structure.js');
    const { expandSam } = await import('../graph/cloudformation/sam.js');
    for (const [i, file] of files.entries()) {
      await ctx.unit(file.rel, async () => {
        const read = await reads.take(i);
        if ('error' in read) return void ctx.errors.push(read.error);
        const parsed = parseTemplate(file.rel, read.text);
        if (parsed.kind === 'error') return void ctx.errors.push(...parsed.errors);
        if (parsed.kind === 'not-cloudformation') return ctx.skipped(file.rel, parsed.reason);
        ctx.scanned();
        ctx.errors.push(...templateStructureErrors(file.rel, parsed.document));
        if (ctx.parseOnly) return;
        const c = ctx.contextFor(file.rel);
        const budget = new EvalBudget();
        const given = ctx.templateParameters(file.rel, parsed.document);
        ctx.errors.push(...given.errors);
        // A SAM template is checked as the resources the transform creates.
        const sam = expandSam(file.rel, parsed.document);
        ctx.notes.push(...sam.notes);
        const input = { file: file.rel, document: sam.document, account: c.account, region: c.region, ...(given.values ? { parameterValues: given.values } : {}) };
        const part = buildTemplate({ ...input, budget });
        ctx.add(part);
        const reached = budget.reached;
        if (reached) ctx.notes.push(`${reached.at ? `${reached.at.file}:${reached.at.line}:${reached.at.column}` : file.rel}: ${limitMessage(reached.limit)}; the values over it are unknown`);
        // Now, while its parsed document is at hand: kept for the end of the scan, the documents were most of its memory.
        await ctx.checkScenarios(input, { part, budget });
      });
    }
  },
};
