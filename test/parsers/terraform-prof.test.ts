import { it } from 'vitest';
import { terraformParser } from '../../parsers/terraform/treesitter.js';
import { parseHcl } from '../../parsers/terraform/hcl.js';
it('prof', async () => {
  const one = 'resource "aws_s3_bucket" "b%" {\n  bucket = "name-%"\n  tags = { Name = "x", Env = "prod" }\n  versioning {\n    enabled = true\n  }\n}\n';
  const parts: string[] = []; let size = 0;
  for (let i = 0; size < 10_000_000; i++) { const s = one.replace(/%/g, String(i)); parts.push(s); size += s.length; }
  const text = parts.join('');
  const p = await terraformParser();
  for (let k = 0; k < 2; k++) {
  let t = Date.now(); const tree = p.parse(text)!; console.log('parse', Date.now() - t); tree.delete();
  t = Date.now(); await parseHcl(text, 'x.tf'); console.log('full', Date.now() - t);
  }
}, 120000);
