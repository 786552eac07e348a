/**
 * Size rules of the code base (issue 12): no source, test, benchmark or script file over 400 lines, and no
 * function of src/ over 80 lines (counted from its first line to its closing brace with the TypeScript parser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('sizes', () => {
  it(`no code file over ${MAX_FILE_LINES} lines`, () => {
    const files = ['src', 'test', 'bench', 'scripts'].flatMap((dir) => filesUnder(dir, /\.(ts|mjs|cjs)$/));
    expect(files.length).toBeGreaterThan(100);
    const long = files.map((file) => ({ file, lines: lineCount(readFileSync(file, 'utf8')) })).filter(({ lines }) => lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`no function of src/ over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of filesUnder('src', /\.ts$/)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = source.getLineAndCharacterOfPosition(node.end).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) long.push(`${file}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
