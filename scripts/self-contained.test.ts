import path from 'node:path';
import { findCitations, formatCitation, isBinary, scanRepository } from './self-contained';

// The samples are built from pieces so that this file itself cites nothing.
const SECTION = '§';
const ISSUE = 'Issue';

describe('findCitations', () => {
  test.each([
    [`see shared/${'design'}/contract${'.md'}`],
    [`the seed in ../shared/${'seed'}/client-cashier-method.txt`],
    [`(contract${'.md'} §4)`],
    [`// Contract ${SECTION}1 \`./CashierPage\`: the whole flow`],
    [`by accessible name (contract ${SECTION}3)`],
    [`// ${ISSUE} 5: the cashier pages through both host shells`],
    [`# Reliability suite (${ISSUE.toLowerCase()} 9)`],
    [`fixed in ${ISSUE.toLowerCase()}s 3 and 4`],
    [`see ${ISSUE.toLowerCase()} #12`],
  ])('finds %s', (line) => {
    expect(findCitations('a.ts', `first line\n${line}\n`)).toEqual([{ file: 'a.ts', line: 2, text: line.trim() }]);
  });

  test.each([
    ['docs/api.md, What a person sees'],
    ['mocks/wire-contract.test.ts: wire contract with the API client'],
    ['a Client that issues a request'],
    ['charges alice once and issues an enrollment token'],
    ['examples/shared/cashier-types.ts'],
  ])('leaves alone %s', (line) => {
    expect(findCitations('a.ts', line)).toEqual([]);
  });
});

test('isBinary: a NUL byte marks a binary file', () => {
  expect(isBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))).toBe(true);
  expect(isBinary(Buffer.from('plain text, ¥100.00\n', 'utf8'))).toBe(false);
});

describe('the repository stands alone', () => {
  const root = path.resolve(__dirname, '..');
  const citations = scanRepository(root);

  test('no tracked file cites a document outside the repository or an issue number', () => {
    const listed = citations.map(formatCitation);
    expect(listed).toEqual([]);
  });
});
