import { getMaxListeners } from 'events';
import { DeadlineScope } from '../../lib/operations/deadline-scope';

// Node warns (MaxListenersExceededWarning) past a signal's listener limit, 10 by default; verify keeps more AWS calls
// in flight than that, each listening on the run's or the phase's signal until it ends.
test('GIVEN a run signal THEN it takes the listeners of 100 calls in flight without a leak warning', () => {
  const plain = new AbortController().signal;
  expect(getMaxListeners(plain)).toBe(10);
  expect(getMaxListeners(new DeadlineScope(plain).current)).toBe(100);
});

test('GIVEN a phase THEN its signal takes the listeners of 100 calls in flight too', async () => {
  const scope = new DeadlineScope(new AbortController().signal);
  const limit = await scope.within(
    new AbortController().signal,
    60_000,
    () => new Error('late'),
    async (phase) => getMaxListeners(phase),
  );
  expect(limit).toBe(100);
});
