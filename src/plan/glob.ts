import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const GLOB_CHARS = /[*?[{]/;

/** Splits `a/b/*.jsonl` into the static base directory `a/b` and the pattern relative to it. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  const i = parts.findIndex((p) => GLOB_CHARS.test(p));
  if (i < 0) return { base: pattern, rest: '' };
  return {
    base: parts.slice(0, i).join('/') || (pattern.startsWith('/') ? '/' : '.'),
    rest: parts.slice(i).join('/'),
  };
}

/** Glob → RegExp over `/`-separated relative paths: `*` and `?` stay inside a segment, `**` spans them. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map(escapeRe)
          .join('|')})`;
        i = end;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

/** Every regular file below `dir`, as sorted `/`-separated relative paths (hidden files skipped). */
export async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile() || (e.isSymbolicLink() && (await stat(path.join(dir, child))).isFile()))
        out.push(child);
    }
  }
  await walk('');
  return out.sort();
}

/** Expands a file, directory or glob into sorted absolute file paths (empty when nothing matches). */
export async function expandPath(p: string): Promise<string[]> {
  const { base, rest } = splitGlob(p);
  if (!rest) {
    const st = await stat(p).catch(() => undefined);
    if (!st) return [];
    if (st.isDirectory()) return (await walkFiles(p)).map((f) => path.join(p, f));
    return [p];
  }
  const st = await stat(base).catch(() => undefined);
  if (!st?.isDirectory()) return [];
  const re = globToRegExp(rest);
  return (await walkFiles(base)).filter((f) => re.test(f)).map((f) => path.join(base, f));
}
