/**
 * Who may connect as a role (`roles[].consumers`), by cloud: AWS IAM role ARNs in the environment's account, Google
 * Cloud user-managed service-account emails.
 */

/**
 * IAM role ARNs: `arn:<partition>:iam::<12-digit account>:role/<path><name>`. Role names are 1–64 characters of
 * letters, digits and `+=,.@_-`; a path is `/` or `/<printable ASCII>/` (IAM API Reference, CreateRole: RoleName
 * pattern `[\w+=,.@-]+`, length 1–64; Path pattern `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`; "IAM identifiers",
 * IAM user guide, for the ARN form).
 */
const IAM_ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\x21-\x7E]+\/)?)([\w+=,.@-]{1,64})$/;

export type ConsumerProblem = { readonly message: string; readonly fix: string };

/**
 * A consumer of an AWS database: an IAM role of the environment's own account — the stack attaches `rds-db:connect`
 * or secret-reading policies to it, which it can only do in the account it deploys to.
 */
export function awsConsumerProblem(consumer: string, account: string): ConsumerProblem | undefined {
  const match = IAM_ROLE_ARN.exec(consumer);
  if (!match) {
    return {
      message: 'is not an IAM role ARN; AWS consumers are IAM roles, arn:aws:iam::<12-digit account>:role/<optional path/><name>',
      fix: `write the role's ARN, such as arn:aws:iam::${account}:role/orders-api`,
    };
  }
  if (match[2] !== account) {
    return {
      message: `is a role of account ${match[2]}, not of the environment's account ${account}; the stack can grant access only to roles of the account it deploys to`,
      fix: `name a role of account ${account}, or let the other account assume a role of ${account} that you list here`,
    };
  }
  return undefined;
}

/**
 * User-managed service accounts: `<id>@<project>.iam.gserviceaccount.com`, the id 6–30 characters of lower-case
 * letters, digits and hyphens starting with a letter ("Create service accounts", IAM docs), the project id 6–30
 * characters of the same, not ending with a hyphen ("Creating and managing projects", Resource Manager docs).
 * Google-managed accounts (the Compute Engine default `…-compute@developer.gserviceaccount.com`, App Engine's
 * `…@appspot.gserviceaccount.com`) are shared by every workload of a project, so they are refused: least privilege
 * needs an account per application.
 */
const SERVICE_ACCOUNT_EMAIL = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/;
const GOOGLE_MANAGED = /@(developer|appspot)\.gserviceaccount\.com$/;

export function gcpConsumerProblem(consumer: string, projectId: string): ConsumerProblem | undefined {
  if (SERVICE_ACCOUNT_EMAIL.test(consumer)) return undefined;
  if (GOOGLE_MANAGED.test(consumer)) {
    return {
      message: "is a Google-managed default service account, shared by every workload of its project; a role's consumer must be the application's own account",
      fix: `create a service account for the application, such as orders-api@${projectId}.iam.gserviceaccount.com, and list it instead`,
    };
  }
  return {
    message: 'is not a service-account email; Google Cloud consumers are user-managed service accounts, <id>@<project>.iam.gserviceaccount.com',
    fix: `write the service account's email, such as orders-api@${projectId}.iam.gserviceaccount.com`,
  };
}
