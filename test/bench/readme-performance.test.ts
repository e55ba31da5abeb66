/** The README quotes the benchmark: its performance table must be what bench/results.json says (npm run bench writes both). */
import * as fs from 'fs';
import * as path from 'path';
import { readmePerformanceTable, README_BEGIN, README_END, ResultRow, withReadmeTable } from '../../bench/readme-table';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const results: ResultRow[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8'));

describe('README performance section', () => {
  test('GIVEN bench/results.json THEN the README table quotes it (rerun npm run bench, or restore both files)', () => {
    expect(withReadmeTable(readme, readmePerformanceTable(results))).toBe(readme);
  });

  test('GIVEN results for both clouds at 100 and 1,000 databases THEN the table has a row for each', () => {
    const table = readme.slice(readme.indexOf(README_BEGIN), readme.indexOf(README_END));
    for (const cloud of ['AWS', 'Google Cloud']) {
      for (const n of ['100', '1,000']) expect(table).toContain(`| ${cloud} | ${n} |`);
    }
  });

  test('GIVEN a README without the markers THEN rendering into it fails with a clear message', () => {
    expect(() => withReadmeTable('# no markers', 'x')).toThrow(/README.md lacks the bench markers/);
  });
});
