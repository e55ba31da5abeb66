import * as path from 'path';
import { resultsLocation } from '../../bench/results-location';

describe('where a benchmark run writes its results', () => {
  test('a full run (N = 100 and 1,000, both clouds) replaces the committed bench/results.*', () => {
    expect(resultsLocation('/repo', [1, 10, 100, 1000], ['aws', 'gcp'])).toEqual({ dir: path.join('/repo', 'bench'), full: true });
  });

  test.each([
    ['small sizes', [1, 10], ['aws', 'gcp']],
    ['no N = 1,000', [100], ['aws', 'gcp']],
    ['one cloud', [100, 1000], ['aws']],
  ])('a quick run (%s) writes to bench/out/, which git ignores', (_name, sizes, clouds) => {
    expect(resultsLocation('/repo', sizes, clouds)).toEqual({ dir: path.join('/repo', 'bench', 'out'), full: false });
  });
});
