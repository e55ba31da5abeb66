/** The committed tables generated from cfn-lint's data (regions and zones, instance classes per engine and region) match cfn-lint. */
import * as fs from 'fs';
import { RDS_INSTANCE_CLASSES } from '../../constructs/common/instance-catalog';
import { cfnLintVersion, OFFERS_FILE, readAvailabilityZones, readOffers, REGIONS_FILE, renderOffers, renderRegions } from '../support/cfn-lint-facts';
import { describeWithTool } from '../support/local-tools';

describeWithTool('cfn-lint', 'Install cfn-lint (pip install cfn-lint==1.51.0) to check the generated tables against its data.')(
  'tables generated from cfn-lint',
  () => {
    const version = cfnLintVersion();
    const offers = readOffers();

    test('constructs/aws/foundation/tables/aws-regions.ts is what `npm run aws:facts` writes', () => {
      expect(fs.readFileSync(REGIONS_FILE, 'utf8')).toBe(renderRegions(readAvailabilityZones(), version));
    });

    test('constructs/aws/rds/tables/rds-instance-class-offers.ts is what `npm run aws:facts` writes', () => {
      expect(fs.readFileSync(OFFERS_FILE, 'utf8')).toBe(renderOffers(offers, version));
    });

    test('every class of the catalog is offered by some engine in some region', () => {
      const offered = new Set(Object.values(offers).flatMap((regions) => Object.values(regions).flat()));
      expect(Object.keys(RDS_INSTANCE_CLASSES).filter((c) => !offered.has(c))).toEqual([]);
    });
  },
);
