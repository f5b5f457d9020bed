import type { InputError } from '../../core/source.js';
import type { GraphPart } from '../graph.js';

/** Plan JSON (`terraform show -json`). Not implemented yet: reported as a note so the file is not silently dropped. */
export async function buildTerraformPlan(input: { root: string; file: string; text: string; parseOnly?: boolean }): Promise<{ parts: GraphPart[]; errors: InputError[]; notes: string[] }> {
  return { parts: [], errors: [], notes: [`${input.file}: Terraform plan JSON is not evaluated yet`] };
}
