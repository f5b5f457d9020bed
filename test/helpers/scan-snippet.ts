import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scan } from '../../src/scan.js';
import type { ScanOptions, ScanOutput } from '../../src/scan.js';
import type { Config } from '../../src/config/config.js';
import { defaultConfig } from '../../src/config/config.js';

export type InputKind = 'cloudformation' | 'terraform';

/** Removes the common indentation and the first empty line, so that test snippets can be indented in code. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export const DEFAULT_FILE: Record<InputKind, string> = { cloudformation: 'template.yaml', terraform: 'main.tf' };

/** Writes files into a fresh temp folder and scans it with the real pipeline. */
export async function scanFiles(files: Record<string, string>, options: Omit<ScanOptions, 'root' | 'config'> & { config?: Partial<Config> } = {}): Promise<ScanOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'iac-check-test-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const config = { ...defaultConfig(), ...options.config };
    return await scan([dir], { ...options, root: dir, config });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Scans one snippet of the given kind. */
export function scanSnippet(kind: InputKind, code: string, options: Omit<ScanOptions, 'root' | 'config'> & { config?: Partial<Config> } = {}): Promise<ScanOutput> {
  return scanFiles({ [DEFAULT_FILE[kind]]: dedent(code) }, options);
}
