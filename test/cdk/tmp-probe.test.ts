import { it } from 'vitest';
import { scan } from '../../src/scan.js';
it('probe', async () => {
  const out = await scan(['samples/cdk'], { root: process.cwd() });
  console.log(out.result.errors, out.result.notes.slice(0, 40), out.result.regions, out.result.findings.length);
  for (const n of out.graph!.nodes) console.log(n.id, n.type, n.context.account, n.context.region.known ? n.context.region.value : '?', JSON.stringify(n.construct));
});
