/**
 * SVG of a diagram: the DOT laid out by Graphviz compiled to WebAssembly (`@viz-js/viz`, no external
 * binary), with the AWS Architecture Icons from the `aws-icons` package inlined as data URIs so the
 * file stands alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Diagram } from './types.js';
import { toDot } from './dot.js';

type VizInstance = Awaited<ReturnType<typeof import('@viz-js/viz').instance>>;
let viz: Promise<VizInstance> | undefined;

/** Graphviz loads once per process (its WebAssembly module takes a moment). */
function graphviz(): Promise<VizInstance> {
  viz ??= import('@viz-js/viz').then((m) => m.instance());
  return viz;
}

const ICON_SIZE = '32px';
let iconsDir: string | undefined;
const iconCache = new Map<string, string>();

/** The icon file as a data URI, or undefined when the package does not have it. */
export function iconDataUri(icon: string): string | undefined {
  if (iconCache.has(icon)) return iconCache.get(icon);
  iconsDir ??= join(dirname(createRequire(import.meta.url).resolve('aws-icons/package.json')), 'icons');
  let uri: string | undefined;
  try {
    uri = `data:image/svg+xml;base64,${readFileSync(join(iconsDir, icon)).toString('base64')}`;
  } catch {
    uri = undefined;
  }
  iconCache.set(icon, uri ?? '');
  return uri;
}

export async function toSvg(d: Diagram): Promise<string> {
  const withIcons: Diagram = { ...d, nodes: d.nodes.map((n) => (n.icon && iconDataUri(n.icon) ? n : { ...n, icon: undefined })) as Diagram['nodes'] };
  const icons = [...new Set(withIcons.nodes.flatMap((n) => (n.icon ? [n.icon] : [])))];
  const v = await graphviz();
  const svg = v.renderString(toDot(withIcons, { icons: true }), {
    format: 'svg',
    images: icons.map((name) => ({ name, width: ICON_SIZE, height: ICON_SIZE })),
  });
  // Graphviz writes the image name as the link; the data URI makes the SVG self-contained.
  const body = svg.slice(svg.indexOf('<svg'));
  return body
    .replace(/xlink:href="([^"]+)"/g, (all, name: string) => {
      const uri = icons.includes(decode(name)) ? iconDataUri(decode(name)) : undefined;
      return uri ? `xlink:href="${uri}"` : all;
    });
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
