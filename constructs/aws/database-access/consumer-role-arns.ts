/**
 * Consumers of a database role are IAM roles named by ARN. A managed policy attaches to roles of its own account only
 * (AWS::IAM::ManagedPolicy `Roles` takes role names), so a role of another account is refused with a way out instead
 * of silently getting nothing.
 */
import { Token } from 'aws-cdk-lib';
import type { PathProblem } from '../../common/path-problem';

/** `arn:<partition>:iam::<account>:role/<optional path/>name` ("IAM identifiers", IAM User Guide: role ARNs). */
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export interface ConsumerRoles {
  readonly roleName: string;
  readonly consumers: readonly string[];
}

/** Problems with every role's consumers; `account` may be a token (an environment-agnostic stack: not checked). */
export function consumerRoleProblems(roles: readonly ConsumerRoles[], account: string): PathProblem[] {
  return roles.flatMap((role) =>
    role.consumers.flatMap((arn, index): PathProblem[] => {
      const path = ['roles', role.roleName, 'consumers', index];
      const match = ROLE_ARN.exec(arn);
      if (!match) {
        return [{ path, value: arn, message: 'is not an IAM role ARN', fix: 'give arn:aws:iam::<account>:role/<name>' }];
      }
      if (!Token.isUnresolved(account) && match[1] !== account) {
        return [
          {
            path,
            value: arn,
            message: `is a role of account ${match[1]}; the database is in account ${account}, and a managed policy attaches to roles of its own account only`,
            fix: `use a role of account ${account} (the application can assume it from account ${match[1]}), or grant the access in account ${match[1]} yourself`,
          },
        ];
      }
      return [];
    }),
  );
}
