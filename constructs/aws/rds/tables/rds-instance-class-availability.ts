/**
 * Whether an engine offers an instance class in a region, from the table generated out of cfn-lint's RDS data
 * (rds-instance-class-offers.ts). A region the table has no RDS data for is not judged here (unknown regions are the
 * region rules' business).
 */
import { rdsInstanceClass } from '../../../common/instance-catalog';
import type { PathProblem } from '../../../common/path-problem';
import { RDS_CLASS_OFFERS } from './rds-instance-class-offers';

const REGIONS_WITH_DATA = new Set(Object.values(RDS_CLASS_OFFERS).flatMap((offer) => Object.keys(offer.regions)));

/** Catalog classes offered for the key in the region, in catalog order; undefined when the table knows nothing of the region. */
export function offeredClasses(offerKey: string, region: string): readonly string[] | undefined {
  if (!REGIONS_WITH_DATA.has(region)) return undefined;
  const offer = RDS_CLASS_OFFERS[offerKey];
  const generations = offer?.regions[region];
  if (generations === undefined) return [];
  return generations
    .split(' ')
    .filter(Boolean)
    .flatMap((entry) => {
      const [generation, sizes] = entry.split(':');
      return (sizes ? sizes.split(',') : offer.sizes[generation].split(' ')).map((size) => `db.${generation}.${size}`);
    });
}

/** `db.t3.{micro,small}, db.m5.{large,xlarge}` */
export function describeClasses(classes: readonly string[]): string {
  const byGeneration = new Map<string, string[]>();
  for (const c of classes) {
    const [, generation, size] = c.split('.');
    byGeneration.set(generation, [...(byGeneration.get(generation) ?? []), size]);
  }
  return [...byGeneration].map(([generation, sizes]) => `db.${generation}.{${sizes.join(',')}}`).join(', ');
}

/** The same size in another offered generation of the same shape, else the first offered class. */
function suggestion(instanceClass: string, offered: readonly string[]): string {
  const info = rdsInstanceClass(instanceClass);
  const size = instanceClass.split('.')[2];
  const sameSize = offered.find(
    (c) => c.split('.')[2] === size && rdsInstanceClass(c)?.burstable === info?.burstable && c.split('.')[1][0] === instanceClass.split('.')[1][0],
  );
  return sameSize ?? offered[0];
}

/**
 * Problems with running `instanceClass` for an engine (`what`: its display name and license) in `region`. The class
 * is known to be in the catalog.
 */
export function classOfferProblems(path: readonly (string | number)[], offerKey: string, what: string, instanceClass: string, region: string): PathProblem[] {
  const offered = offeredClasses(offerKey, region);
  if (offered === undefined || offered.includes(instanceClass)) return [];
  if (offered.length === 0) {
    return [
      {
        path,
        value: instanceClass,
        message: `cannot run: ${what} is not offered in ${region}`,
        fix: 'choose a region that offers the engine, or another engine',
      },
    ];
  }
  return [
    {
      path,
      value: instanceClass,
      message: `is not offered for ${what} in ${region}; offered there: ${describeClasses(offered)}`,
      fix: `choose one of those classes, such as ${suggestion(instanceClass, offered)}`,
    },
  ];
}
