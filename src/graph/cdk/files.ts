import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** A path below the scan root as findings show it: relative, with forward slashes. */
export function relOf(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** Whether `abs` lies in `root` (or is it). */
export function isInside(root: string, abs: string): boolean {
  const r = path.relative(root, abs);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

/** Whether a regular file exists at `abs`. */
export async function exists(abs: string): Promise<boolean> {
  try {
    return (await fs.stat(abs)).isFile();
  } catch {
    return false;
  }
}
