import { mkdtemp, mkdir, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (objects are written as JSON) into a fresh temp folder; returns it and a cleanup. */
export async function tempTree(files: Record<string, string | object>, copy: Record<string, string> = {}): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'iac-check-cdk-'));
  for (const [to, from] of Object.entries(copy)) await cp(from, join(dir, to), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function template(resources: Record<string, { Type: string; Properties?: object; Metadata?: object }>): object {
  return { Resources: resources };
}
