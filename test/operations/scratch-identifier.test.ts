import { identifierProblem } from '../../constructs/common/identifiers';
import { drillTags, isScratchIdentifierOf, scratchIdentifier } from '../../lib/operations/drill/scratch-identifier';
import { scratchInstanceIdentifier } from '../../lib/operations/drill/aurora-cluster-drill';

const START = new Date('2026-03-14T09:26:53.512Z');

describe('scratch identifiers of drills', () => {
  test('GIVEN a source and a start time THEN the name is <source>-drill-<yyyymmdd>-<hhmmss> in UTC', () => {
    expect(scratchIdentifier('prod-orders', START)).toBe('prod-orders-drill-20260314-092653');
  });

  test('GIVEN the longest RDS identifier THEN the name stays within 63 characters, valid, and keeps a hash of the source', () => {
    const source = `prod-${'a'.repeat(58)}`;
    const other = `prod-${'a'.repeat(57)}b`;
    const name = scratchIdentifier(source, START);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(identifierProblem(name, 63)).toBeUndefined();
    expect(name).toMatch(/^prod-a+-[0-9a-f]{6}-drill-20260314-092653$/);
    expect(scratchIdentifier(other, START)).not.toBe(name);
  });

  test('GIVEN a truncation that would end in a hyphen THEN the hyphen is dropped', () => {
    const source = `prod-${'a'.repeat(29)}-${'b'.repeat(20)}`;
    expect(identifierProblem(scratchIdentifier(source, START), 63)).toBeUndefined();
  });

  test('GIVEN candidates THEN only a drill name of that very source is a scratch identifier', () => {
    expect(isScratchIdentifierOf('prod-orders-drill-20260314-092653', 'prod-orders')).toBe(true);
    expect(isScratchIdentifierOf('prod-orders', 'prod-orders')).toBe(false);
    expect(isScratchIdentifierOf('prod-orders-replica', 'prod-orders')).toBe(false);
    expect(isScratchIdentifierOf('prod-orders-2-drill-20260314-092653', 'prod-orders')).toBe(false);
    expect(isScratchIdentifierOf('prod-orders-drill-20261399-092653', 'prod-orders')).toBe(false);
  });

  test('GIVEN a drill THEN its copy is tagged as a drill, with its source and start', () => {
    expect(drillTags('prod-orders', START)).toEqual([
      { Key: 'dbctl:drill', Value: 'true' },
      { Key: 'dbctl:drill-source', Value: 'prod-orders' },
      { Key: 'dbctl:drill-started', Value: '2026-03-14T09:26:53.512Z' },
    ]);
  });

  test('GIVEN a long Aurora cluster identifier THEN the scratch cluster leaves room for its instance <scratch>-1 within 63 characters', () => {
    const source = `prod-${'a'.repeat(58)}`;
    const scratch = scratchIdentifier(source, START, 61);
    expect(scratch.length).toBe(61);
    expect(scratchInstanceIdentifier(scratch)).toHaveLength(63);
    expect(isScratchIdentifierOf(scratch, source, 61)).toBe(true);
  });
});
