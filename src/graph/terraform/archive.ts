import { gunzipSync, inflateRawSync } from 'node:zlib';
import { posix } from 'node:path';

/**
 * Reads the Terraform files (`.tf`, `.tf.json`) out of a downloaded module archive — a tar
 * (optionally gzipped) or a zip — into memory. Only regular files with a relative path that
 * stays inside the archive are kept; nothing else (scripts, links, device files) is extracted,
 * since a module's Terraform files are all the scan reads. Bounded: a bomb is an error.
 */

const MAX_UNPACKED = 200 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

export type ArchiveKind = 'zip' | 'tar.gz' | 'tar';

export function archiveKindOf(url: string, bytes: Uint8Array): ArchiveKind | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'tar.gz';
  if (bytes.length >= 262 && Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar') return 'tar';
  const path = url.split('?')[0]!.toLowerCase();
  if (path.endsWith('.zip')) return 'zip';
  if (path.endsWith('.tar.gz') || path.endsWith('.tgz')) return 'tar.gz';
  if (path.endsWith('.tar')) return 'tar';
  return undefined;
}

const isTerraformFile = (name: string): boolean => name.endsWith('.tf') || name.endsWith('.tf.json');

/** A safe relative path inside the archive, or undefined for absolute paths and `..` escapes. */
function safeName(name: string): string | undefined {
  const n = posix.normalize(name.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
  if (n === '' || n === '.' || posix.isAbsolute(n) || n === '..' || n.startsWith('../') || /^[A-Za-z]:/.test(n)) return undefined;
  return n;
}

export function extractTerraformFiles(kind: ArchiveKind, bytes: Buffer): Map<string, Buffer> {
  if (kind === 'zip') return unzip(bytes);
  const tar = kind === 'tar.gz' ? gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED }) : bytes;
  return untar(tar);
}

function untar(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  let entries = 0;
  while (offset + 512 <= buf.length) {
    const header = buf.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    if (++entries > MAX_ENTRIES) throw new Error(`the archive holds more than ${MAX_ENTRIES} entries`);
    const field = (start: number, len: number) => header.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new Error('a tar header has an invalid size');
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = field(257, 6) === 'ustar' ? field(345, 155) : '';
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = buf.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') { longName = body.toString('utf8').replace(/\0.*$/s, ''); continue; }
    if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (path) longName = path[1];
      continue;
    }
    if (type !== '0' && type !== '\0') continue; // directories, links, devices, global headers
    const safe = safeName(name);
    if (safe && isTerraformFile(safe)) out.set(safe, Buffer.from(body));
    name = '';
  }
  return out;
}

function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  // End of central directory record: the last 0x06054b50 within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip archive (no central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  if (count > MAX_ENTRIES) throw new Error(`the archive holds more than ${MAX_ENTRIES} entries`);
  let p = buf.readUInt32LE(eocd + 16);
  let unpacked = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('the zip central directory is damaged');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    const isLink = ((external >>> 16) & 0o170000) === 0o120000;
    const safe = safeName(name);
    if (!safe || name.endsWith('/') || isLink || !isTerraformFile(safe)) continue;
    unpacked += size;
    if (unpacked > MAX_UNPACKED) throw new Error('the archive unpacks to more than 200 MB');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new Error('a zip entry is damaged');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) out.set(safe, Buffer.from(data));
    else if (method === 8) out.set(safe, inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }));
    else throw new Error(`zip entry ${safe} uses compression method ${method}, which is not supported`);
  }
  return out;
}
