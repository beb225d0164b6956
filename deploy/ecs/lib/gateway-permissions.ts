import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';

/**
 * The task role's permissions: exactly the calls the gateway makes (the same list as
 * deploy/kubernetes/iam-policy.json), each on the narrowest resource IAM supports for it.
 */
export function grantGatewayCalls(
  stack: Stack,
  role: iam.IRole,
  key: { secret?: ISecret; parameterName?: string },
): void {
  const arn = (service: string, resource: string, region = '*', account = stack.account) =>
    `arn:${stack.partition}:${service}:${region}:${account}:${resource}`;
  // Cross-region inference profiles route to foundation models in other regions: hence the `*` region.
  const profiles = [arn('bedrock', 'inference-profile/*'), arn('bedrock', 'application-inference-profile/*')];
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'InvokeModels',
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources: [arn('bedrock', 'foundation-model/*', '*', ''), ...profiles],
    }),
  );
  // List calls have no resource type in IAM: `*` is the only resource they accept.
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadModelCatalog',
      actions: ['bedrock:ListFoundationModels', 'bedrock:ListInferenceProfiles'],
      resources: ['*'],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ResolveInferenceProfiles',
      actions: ['bedrock:GetInferenceProfile'],
      resources: profiles,
    }),
  );
  if (key.secret) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadApiKey',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [key.secret.secretArn],
      }),
    );
  }
  if (key.parameterName) {
    const name = key.parameterName.replace(/^\//, '');
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadApiKeyParameter',
        actions: ['ssm:GetParameter'],
        resources: [arn('ssm', `parameter/${name}`, stack.region)],
      }),
    );
  }
}
