import { EventEmitter } from 'events';
import { captureInterrupts } from '../../lib/operations/cli/interrupts';
import { elapsedStamp, formatDuration } from '../../lib/operations/report/format';
import { textTable } from '../../lib/operations/report/text-table';

describe('Ctrl-C during a drill', () => {
  test('GIVEN two SIGINTs THEN the first stops the drill, the second abandons the clean-up, each with a notice', () => {
    const process = new EventEmitter();
    const notices: string[] = [];
    const signals = captureInterrupts(process as any, (line) => notices.push(line));

    process.emit('SIGINT');
    expect([signals.signal.aborted, signals.abandon.aborted]).toEqual([true, false]);
    process.emit('SIGINT');
    process.emit('SIGINT');

    expect([signals.signal.aborted, signals.abandon.aborted]).toEqual([true, true]);
    expect(notices).toEqual([
      'Interrupted: stopping the drill and cleaning up. Press Ctrl-C again to abandon the clean-up.',
      'Interrupted again: abandoning the clean-up.',
    ]);
  });
});

describe('report formatting', () => {
  test.each([
    [0, '0s'],
    [-5000, '0s'],
    [45_400, '45s'],
    [125_000, '2m05s'],
    [3_723_000, '1h02m03s'],
  ])('GIVEN %d ms THEN the duration reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test('GIVEN elapsed times THEN stamps are [mm:ss], with hours past one hour', () => {
    expect([elapsedStamp(0), elapsedStamp(754_000), elapsedStamp(3_725_000)]).toEqual(['[00:00]', '[12:34]', '[1:02:05]']);
  });

  test('GIVEN rows THEN columns align on the widest cell and no line ends in spaces', () => {
    expect(
      textTable(
        ['A', 'BB', 'C'],
        [
          ['long cell', 'x', ''],
          ['y', 'z', 'last'],
        ],
      ),
    ).toBe(['A          BB  C', 'long cell  x', 'y          z   last'].join('\n'));
  });
});
