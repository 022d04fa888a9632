// The repository stands alone: no file may send a maintainer to a document outside it or to an issue tracker.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What points outside the repository. Written so that this file's own text matches none of them. */
export const OUTSIDE_CITATIONS: readonly RegExp[] = [
  /shared\/(?:design|seed)\b/i, // the design folder beside the checkout
  /contract\.md\b/i, // the design contract's file
  /contract\s*§/i, // its numbered sections
  /\bissues?\s+#?\d/i, // issue numbers
];

/** Tracked files that are not searched: generated, or not text a person reads for meaning. */
const SKIPPED = new Set(['package-lock.json']);

export interface Citation {
  file: string;
  line: number;
  text: string;
}

/** Every line of `text` that cites something outside the repository. */
export function findCitations(file: string, text: string): Citation[] {
  const found: Citation[] = [];
  text.split('\n').forEach((content, index) => {
    if (OUTSIDE_CITATIONS.some((pattern) => pattern.test(content))) {
      found.push({ file, line: index + 1, text: content.trim() });
    }
  });
  return found;
}

/** A NUL byte in the first 8 kB marks a binary file, as git itself decides. */
export const isBinary = (bytes: Buffer): boolean => bytes.subarray(0, 8000).includes(0);

/** The citations in every tracked text file of the checkout at `root` (the working tree's contents). */
export function scanRepository(root: string): Citation[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  const files = listed.split('\0').filter((file) => file !== '' && !SKIPPED.has(path.basename(file)));
  return files.flatMap((file) => {
    const full = path.join(root, file);
    if (!existsSync(full)) return []; // deleted in the working tree, not yet committed
    const bytes = readFileSync(full);
    return isBinary(bytes) ? [] : findCitations(file, bytes.toString('utf8'));
  });
}

export const formatCitation = ({ file, line, text }: Citation): string => `${file}:${line}: ${text}`;
