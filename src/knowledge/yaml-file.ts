import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ParsedFile<T> {
  readonly value: T | undefined;
  readonly problems: Problem[];
  /** line of a path inside the file (1 when unknown) */
  lineOf(path: readonly (string | number)[]): number;
}

/** Reads one YAML file and validates it, giving every problem with its line. */
export function parseYamlFile<S extends z.ZodType>(path: string, schema: S): ParsedFile<z.output<S>> {
  const file = relative(process.cwd(), path) || path;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    return failed(file, `không đọc được tệp: ${(err as Error).message}`);
  }
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (p: readonly (string | number)[]): number => nodeLine(doc, counter, p);
  const yamlErrors = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line,
    severity: 'error' as const,
    message: `YAML sai cú pháp: ${e.message.split('\n')[0]}`,
  }));
  if (yamlErrors.length > 0) return { value: undefined, problems: yamlErrors, lineOf };

  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      file,
      line: lineOf(issue.path as (string | number)[]),
      severity: 'error' as const,
      message: `${issue.path.join('.') || '(tệp)'}: ${issue.message}`,
    }));
    return { value: undefined, problems, lineOf };
  }
  return { value: parsed.data, problems: [], lineOf };
}

function nodeLine(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number {
  // Walk up the path until a node exists (a missing field is reported at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

function failed<T>(file: string, message: string): ParsedFile<T> {
  return { value: undefined, problems: [{ file, line: 1, severity: 'error', message }], lineOf: () => 1 };
}
