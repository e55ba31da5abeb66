import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { isCustomerManagedKey } from '../../constructs/aws/foundation/customer-key';

describe('isCustomerManagedKey (no instanceof across copies of aws-cdk-lib)', () => {
  test('a key created in the app is a customer-managed key', () => {
    const stack = new Stack(new App(), 'Keys');
    expect(isCustomerManagedKey(new kms.Key(stack, 'Key'))).toBe(true);
  });

  test('an alias or an absent key is not', () => {
    const stack = new Stack(new App(), 'Keys');
    expect(isCustomerManagedKey(kms.Alias.fromAliasName(stack, 'Alias', 'alias/orders'))).toBe(false);
    expect(isCustomerManagedKey(undefined)).toBe(false);
  });

  test('a key whose class is another copy of kms.Key is still recognised, where instanceof fails', () => {
    const stack = new Stack(new App(), 'Keys');
    const key = new kms.Key(stack, 'KeyFromSecondCopy');
    // What a second copy of aws-cdk-lib looks like to instanceof: the same shape under a different class.
    Object.setPrototypeOf(key, Object.create(Object.getPrototypeOf(kms.Key.prototype)));
    expect(key instanceof kms.Key).toBe(false);
    expect(isCustomerManagedKey(key)).toBe(true);
  });
});
