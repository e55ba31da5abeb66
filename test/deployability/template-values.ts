/**
 * Resolves CloudFormation values of a synthesized environment to what they will be once deployed: Ref / GetAtt of
 * the resource types our templates hold, Join, Sub, Select, FindInMap, and CDK's cross-stack `Fn::GetStackOutput` /
 * `Fn::ImportValue`. Generated physical names are stood in for by `<stack>-<logicalId>-GENERATED`, which no policy
 * of ours may match by accident.
 */

export interface StackTemplate {
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  readonly template: any;
}

export interface ResourceRef {
  readonly stack: StackTemplate;
  readonly logicalId: string;
  readonly resource: any;
}

export const describeResource = (r: ResourceRef) => `${r.stack.stackName}/${r.logicalId} (${r.resource.Type})`;

const generatedName = (stack: StackTemplate, logicalId: string) => `${stack.stackName}-${logicalId}-GENERATED`;

export class EnvironmentTemplates {
  constructor(readonly stacks: readonly StackTemplate[]) {}

  /** Every resource of a type, across the environment's stacks. */
  resourcesOfType(type: string): ResourceRef[] {
    return this.stacks.flatMap((stack) =>
      Object.entries<any>(stack.template.Resources ?? {})
        .filter(([, resource]) => resource.Type === type)
        .map(([logicalId, resource]) => ({ stack, logicalId, resource })),
    );
  }

  /** The resource of a type whose value (ARN, name, id…) equals `value`. */
  findByValue(type: string, value: string, valueOf: (r: ResourceRef) => string): ResourceRef | undefined {
    return this.resourcesOfType(type).find((r) => valueOf(r) === value);
  }

  physicalName(r: ResourceRef): string {
    const p = r.resource.Properties ?? {};
    const named = (key: string) => (p[key] === undefined ? generatedName(r.stack, r.logicalId) : this.resolve(r.stack, p[key]));
    switch (r.resource.Type) {
      case 'AWS::SNS::Topic':
        return named('TopicName');
      case 'AWS::Logs::LogGroup':
        return named('LogGroupName');
      case 'AWS::Events::Rule':
        return named('Name');
      case 'AWS::Backup::BackupVault':
        return named('BackupVaultName');
      case 'AWS::IAM::Role':
        return named('RoleName');
      case 'AWS::CloudWatch::Alarm':
        return named('AlarmName');
      case 'AWS::SecretsManager::Secret':
        return named('Name');
      case 'AWS::RDS::DBInstance':
        return named('DBInstanceIdentifier');
      case 'AWS::RDS::DBCluster':
        return named('DBClusterIdentifier');
      case 'AWS::DynamoDB::GlobalTable':
        return named('TableName');
      // A key's id is generated: the logical id stands in for it.
      case 'AWS::KMS::Key':
        return `${r.stack.stackName}-${r.logicalId}`;
      default:
        return generatedName(r.stack, r.logicalId);
    }
  }

  arn(r: ResourceRef): string {
    const { account, region } = r.stack;
    const name = this.physicalName(r);
    switch (r.resource.Type) {
      case 'AWS::SNS::Topic':
        return `arn:aws:sns:${region}:${account}:${name}`;
      case 'AWS::KMS::Key':
        return `arn:aws:kms:${region}:${account}:key/${name}`;
      case 'AWS::Logs::LogGroup':
        return `arn:aws:logs:${region}:${account}:log-group:${name}:*`;
      case 'AWS::Events::Rule':
        return `arn:aws:events:${region}:${account}:rule/${name}`;
      case 'AWS::Backup::BackupVault':
        return `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${account}:role/${name}`;
      case 'AWS::CloudWatch::Alarm':
        return `arn:aws:cloudwatch:${region}:${account}:alarm:${name}`;
      case 'AWS::SecretsManager::Secret':
        return `arn:aws:secretsmanager:${region}:${account}:secret:${name}-AbCdEf`;
      case 'AWS::RDS::DBInstance':
        return `arn:aws:rds:${region}:${account}:db:${name}`;
      case 'AWS::RDS::DBCluster':
        return `arn:aws:rds:${region}:${account}:cluster:${name}`;
      case 'AWS::DynamoDB::GlobalTable':
        return `arn:aws:dynamodb:${region}:${account}:table/${name}`;
      default:
        return `arn:aws:unknown:${region}:${account}:${name}`;
    }
  }

  /** What `Ref` returns for a resource of each type. */
  private ref(r: ResourceRef): string {
    switch (r.resource.Type) {
      case 'AWS::SNS::Topic':
      case 'AWS::SecretsManager::Secret':
        return this.arn(r);
      case 'AWS::SecretsManager::SecretTargetAttachment':
        return this.resolve(r.stack, r.resource.Properties.SecretId);
      default:
        return this.physicalName(r);
    }
  }

  private getAtt(r: ResourceRef, attribute: string): string {
    if (attribute.endsWith('Arn')) return this.arn(r);
    if (attribute === 'KeyId' || attribute === 'TopicName') return this.physicalName(r);
    return `${r.stack.stackName}/${r.logicalId}.${attribute}`;
  }

  private stackNamed(name: string): StackTemplate {
    const stack = this.stacks.find((s) => s.stackName === name);
    if (!stack) throw new Error(`no stack named ${name} in the environment`);
    return stack;
  }

  /** The deployed value of a template value in a stack (strings and lists of strings). */
  resolve(stack: StackTemplate, value: any): any {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (Array.isArray(value)) return value.map((v) => this.resolve(stack, v));
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length !== 1 || !(keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(stack, v)]));
    }
    const [fn, args] = [keys[0], value[keys[0]]];
    switch (fn) {
      case 'Ref':
        return this.resolveRef(stack, args);
      case 'Fn::GetAtt': {
        const [id, attribute] = Array.isArray(args) ? args : String(args).split('.');
        return this.getAtt(this.resourceIn(stack, id), attribute);
      }
      case 'Fn::Join':
        return (this.resolve(stack, args[1]) as string[]).join(args[0]);
      case 'Fn::Select':
        return this.resolve(stack, args[1])[Number(this.resolve(stack, args[0]))];
      case 'Fn::Split':
        return String(this.resolve(stack, args[1])).split(args[0]);
      case 'Fn::Sub': {
        const [text, vars] = Array.isArray(args) ? args : [args, {}];
        return String(text).replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
          if (vars[name] !== undefined) return this.resolve(stack, vars[name]);
          return name.includes('.') ? this.resolve(stack, { 'Fn::GetAtt': name.split('.') }) : this.resolveRef(stack, name);
        });
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = args.map((a: any) => this.resolve(stack, a));
        return this.resolve(stack, stack.template.Mappings[map][top][second]);
      }
      case 'Fn::GetStackOutput': {
        const source = this.stackNamed(this.resolve(stack, args.StackName));
        return this.resolve(source, source.template.Outputs[this.resolve(stack, args.OutputName)].Value);
      }
      case 'Fn::ImportValue': {
        const name = this.resolve(stack, args);
        for (const s of this.stacks) {
          for (const output of Object.values<any>(s.template.Outputs ?? {})) {
            if (output.Export && this.resolve(s, output.Export.Name) === name) return this.resolve(s, output.Value);
          }
        }
        throw new Error(`${stack.stackName}: no stack exports ${name}`);
      }
      default:
        throw new Error(`${stack.stackName}: cannot resolve ${fn} (${JSON.stringify(value).slice(0, 200)})`);
    }
  }

  private resolveRef(stack: StackTemplate, name: string): string {
    switch (name) {
      case 'AWS::AccountId':
        return stack.account;
      case 'AWS::Region':
        return stack.region;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return stack.stackName;
      default:
        if (stack.template.Parameters?.[name]) return stack.template.Parameters[name].Default ?? `${stack.stackName}:${name}`;
        return this.ref(this.resourceIn(stack, name));
    }
  }

  private resourceIn(stack: StackTemplate, logicalId: string): ResourceRef {
    const resource = stack.template.Resources?.[logicalId];
    if (!resource) throw new Error(`${stack.stackName}: no resource ${logicalId}`);
    return { stack, logicalId, resource };
  }
}
