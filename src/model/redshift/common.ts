import type { Path, PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { explicit } from '../val.js';

/** A parameter of a parameter group written as a list of { name, value } pairs (Terraform `parameter` blocks, CloudFormation `Parameters`). */
export function parameterValue(r: PropertyReader, list: Path, name: string, nameKey: string, valueKey: string): Val<string> | undefined {
  for (const p of r.each(list)) {
    const n = p.str([nameKey]);
    if (n?.provenance === 'explicit' && n.value.toLowerCase() === name) return p.str([valueKey]) ?? explicit('', p.origin());
  }
  return undefined;
}
