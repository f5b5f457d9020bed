import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

describe('iac-check graph', () => {
  it('draws the Terraform sample as Mermaid with its zones and findings', async () => {
    const r = await run(['graph', 'samples/terraform/failing', '-f', 'mermaid']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('flowchart TB\n')).toBe(true);
    expect(r.out).toContain('Availability Zone');
    expect(r.out).toMatch(/(CRITICAL|HIGH) · \d+ finding/);
  });

  it('writes one SVG per deployment unit into a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iac-check-graph-'));
    try {
      const r = await run(['graph', 'samples/cloudformation/passing', '--per-unit', '-o', dir]);
      expect(r.code).toBe(0);
      const files = (await readdir(dir)).sort();
      // One per template of the sample folder (each template is a stack).
      const templates = (await readdir('samples/cloudformation/passing')).filter((f) => f.endsWith('.yaml') && !f.startsWith('.')).sort();
      expect(templates.length).toBeGreaterThan(2);
      expect(files).toEqual(templates.map((t) => `samples-cloudformation-passing-${t}.svg`));
      expect(await readFile(join(dir, files[0]!), 'utf8')).toMatch(/^<svg/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['graph', 'samples/cloudformation/passing', '--per-unit'], /give a folder with --output/],
    [['graph', 'samples/cloudformation/passing', '--depth', 'two'], /--depth two: expected a whole number/],
    [['graph', 'samples/cloudformation/passing', '--focus', 'NoSuchThing'], /--focus NoSuchThing: no resource/],
    [['graph', 'samples/cloudformation/passing', '-f', 'png'], /invalid/],
  ])('usage errors exit 2 with a reason: %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('--diagram puts the Mermaid diagram into the Markdown and checklist reports', async () => {
    const md = await run(['samples/terraform/failing', '-f', 'markdown', '--diagram']);
    expect(md.code).toBe(1);
    expect(md.out).toMatch(/### Architecture\n\n```mermaid\nflowchart TB\n[\s\S]*Availability Zone[\s\S]*```\n$/);
    const checklist = await run(['samples/terraform/failing', '-f', 'checklist', '--diagram']);
    expect(checklist.out).toMatch(/### Architecture diagram\n\nThe checklist asks for an architecture diagram[^\n]*\n\n```mermaid\nflowchart TB/);
    const plain = await run(['samples/terraform/failing', '-f', 'checklist']);
    expect(plain.out).toContain('draw it from the scanned code with `iac-check graph');
    expect(plain.out).not.toContain('```mermaid');
  });

  it('--format html writes one page with the diagram', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iac-check-html-'));
    try {
      const r = await run(['samples/cloudformation/failing', '-f', 'html', '-o', join(dir, 'report.html')]);
      expect(r.code).toBe(1);
      const html = await readFile(join(dir, 'report.html'), 'utf8');
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('<div id="diagram" tabindex="0"><svg');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
