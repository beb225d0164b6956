import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { gatewaySettingNames, KEY_SETTINGS } from '../../gateway-settings.names';
import { CONSOLE_TEMPLATE_PROPS, gatewayApp, STACK_NAME } from '../lib/gateway-app';
import type { GatewayStackProps } from '../lib/gateway-stack';

// aws-cdk-lib runs CloudFormation's own template checks at synthesis and prints what they find: none allowed.
const validationReports = jest.spyOn(console, 'error');
afterAll(() => expect(validationReports.mock.calls.map((c) => String(c[0]))).toEqual([]));

const synth = (props: GatewayStackProps = {}) => Template.fromStack(gatewayApp(props).stack);
const CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const EXISTING_VPC = {
  vpcId: 'vpc-0123456789abcdef0',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
  publicSubnetIds: ['subnet-0bbbbbbbbbbbbbbb1', 'subnet-0bbbbbbbbbbbbbbb2'],
};

// Template JSON, loosely typed: the assertions below are what check its shape.
type Json = Record<string, any>;
const only = (t: Template, type: string): Json => {
  const found = Object.values(t.findResources(type));
  expect(found).toHaveLength(1);
  return found[0].Properties as Json;
};
const containerOf = (t: Template): Json => only(t, 'AWS::ECS::TaskDefinition').ContainerDefinitions[0];
const envOf = (t: Template): Record<string, unknown> =>
  Object.fromEntries(containerOf(t).Environment.map((e: Json) => [e.Name, e.Value]));

describe('ECS stack: the committed template', () => {
  it('equals a fresh synth (run `npm run synth` in deploy/ecs after changing the stack)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(__dirname, '..', 'template', `${STACK_NAME}.template.json`), 'utf8'),
    );
    expect(synth(CONSOLE_TEMPLATE_PROPS).toJSON()).toEqual(committed);
  });
});

describe('ECS stack: default (new VPC, no certificate)', () => {
  const t = synth();

  it('runs the tasks in private subnets without public IPs, with a deployment circuit breaker that rolls back', () => {
    const service = only(t, 'AWS::ECS::Service');
    expect(service.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    const subnets = service.NetworkConfiguration.AwsvpcConfiguration.Subnets.map((s: Json) => s.Ref);
    const privateSubnets = Object.entries(t.findResources('AWS::EC2::Subnet'))
      .filter(([, r]) => r.Properties.MapPublicIpOnLaunch === false)
      .map(([id]) => id);
    expect(subnets.length).toBeGreaterThan(0);
    expect(privateSubnets).toEqual(expect.arrayContaining(subnets));
    expect(service.DeploymentConfiguration).toMatchObject({
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      MinimumHealthyPercent: 100,
    });
    expect(service.LaunchType).toBe('FARGATE');
  });

  it('grants the task role exactly the gateway calls, on the narrowest resources', () => {
    const roles = t.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'ecs-tasks.amazonaws.com' } }] },
      },
    });
    const taskRole = Object.keys(roles).find((id) => id.startsWith('TaskTaskRole'))!;
    const policies = Object.values(
      t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: taskRole }] } }),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0].Properties.PolicyDocument.Statement as Json[];
    const text = (r: unknown) => JSON.stringify(r);
    expect(statements.map((s) => [s.Sid, s.Action])).toEqual([
      ['InvokeModels', ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']],
      ['ReadModelCatalog', ['bedrock:ListFoundationModels', 'bedrock:ListInferenceProfiles']],
      ['ResolveInferenceProfiles', 'bedrock:GetInferenceProfile'],
      ['ReadApiKey', 'secretsmanager:GetSecretValue'],
    ]);
    expect(text(statements[0].Resource)).toMatch(/:bedrock:\*::foundation-model\/\*/);
    expect(statements[1].Resource).toBe('*');
    const secret = Object.keys(t.findResources('AWS::SecretsManager::Secret'))[0];
    expect(statements[3].Resource).toEqual({ Ref: secret });
    expect(statements.every((s) => s.Effect === 'Allow' && !text(s.Action).includes('*'))).toBe(true);
  });

  it('keeps the API key in Secrets Manager, generated (never in the template), and tells the gateway where', () => {
    const secret = only(t, 'AWS::SecretsManager::Secret');
    expect(secret.GenerateSecretString).toMatchObject({
      GenerateStringKey: 'api_key',
      SecretStringTemplate: '{}',
    });
    expect(secret.SecretString).toBeUndefined();
    const env = envOf(t);
    expect(env.API_KEY_SECRET_ARN).toEqual({
      Ref: Object.keys(t.findResources('AWS::SecretsManager::Secret'))[0],
    });
    expect(Object.keys(env).filter((n) => KEY_SETTINGS.includes(n))).toEqual([]);
  });

  it('runs the container read-only as the image user, with a stop timeout above the drain', () => {
    const c = containerOf(t);
    expect(c).toMatchObject({ ReadonlyRootFilesystem: true, User: '1000', Image: { Ref: 'ContainerImage' } });
    expect(c.MountPoints).toEqual([{ ContainerPath: '/tmp', SourceVolume: 'tmp', ReadOnly: false }]);
    expect(c.StopTimeout * 1000).toBeGreaterThan(Number(envOf(t).SHUTDOWN_GRACE_MS));
    expect(only(t, 'AWS::ECS::TaskDefinition').RuntimePlatform.CpuArchitecture).toBe('ARM64');
  });

  it('health-checks /health and logs to a group with a retention', () => {
    expect(only(t, 'AWS::ElasticLoadBalancingV2::TargetGroup')).toMatchObject({
      HealthCheckPath: '/health',
      Port: 8000,
      TargetType: 'ip',
    });
    expect(only(t, 'AWS::Logs::LogGroup').RetentionInDays).toBe(30);
    expect(containerOf(t).LogConfiguration.LogDriver).toBe('awslogs');
  });

  it('serves plain HTTP on 80 only when no certificate is given', () => {
    expect(only(t, 'AWS::ElasticLoadBalancingV2::Listener')).toMatchObject({ Port: 80, Protocol: 'HTTP' });
    expect(only(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Scheme).toBe('internet-facing');
  });

  it('scales on CPU and on requests per task', () => {
    const policies = Object.values(t.findResources('AWS::ApplicationAutoScaling::ScalingPolicy')).map(
      (p) =>
        p.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification
          .PredefinedMetricType,
    );
    expect(policies.sort()).toEqual(['ALBRequestCountPerTarget', 'ECSServiceAverageCPUUtilization']);
    expect(only(t, 'AWS::ApplicationAutoScaling::ScalableTarget')).toMatchObject({
      MinCapacity: 2,
      MaxCapacity: 10,
    });
  });
});

describe('ECS stack: options', () => {
  it('with a certificate: HTTPS on 443 with a current TLS policy, and 80 redirects to it', () => {
    const t = synth({ certificateArn: CERT });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERT }],
      SslPolicy: Match.stringLikeRegexp('TLS13'),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        { Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS', Port: '443' }) },
      ],
    });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
  });

  it('the committed template takes the certificate as a parameter', () => {
    const t = synth(CONSOLE_TEMPLATE_PROPS);
    expect(Object.keys(t.toJSON().Parameters).sort()).toEqual([
      'CertificateArn',
      'ContainerImage',
      'DefaultModel',
    ]);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: { Ref: 'CertificateArn' } }],
    });
  });

  it('in an existing VPC: no VPC created, tasks in its private subnets, an internal load balancer on request', () => {
    const t = synth({ existingVpc: EXISTING_VPC, internetFacing: false });
    t.resourceCountIs('AWS::EC2::VPC', 0);
    const service = only(t, 'AWS::ECS::Service');
    expect(service.NetworkConfiguration.AwsvpcConfiguration.Subnets).toEqual(EXISTING_VPC.privateSubnetIds);
    expect(only(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Scheme).toBe('internal');
  });

  it('with redis: an encrypted single-node ElastiCache only the tasks reach, and REDIS_URL over TLS', () => {
    const t = synth({ redis: true });
    expect(only(t, 'AWS::ElastiCache::ReplicationGroup')).toMatchObject({
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      NumCacheClusters: 1,
    });
    const ingress = Object.values(
      t.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { FromPort: 6379 } }),
    );
    expect(ingress).toHaveLength(1);
    expect(ingress[0].Properties.SourceSecurityGroupId['Fn::GetAtt'][0]).toMatch(/^ServiceSecurityGroup/);
    expect(JSON.stringify(envOf(t).REDIS_URL)).toContain('rediss://');
  });

  it('with an SSM parameter for the key: ssm:GetParameter on that parameter alone, and no secret', () => {
    const t = synth({ apiKeyParameterName: '/bedrock-gateway/api-key' });
    t.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(envOf(t).API_KEY_PARAM_NAME).toBe('/bedrock-gateway/api-key');
    const statement = JSON.stringify(t.toJSON().Resources);
    expect(statement).toContain(':parameter/bedrock-gateway/api-key');
    expect(statement).not.toContain('secretsmanager:');
  });

  it('passes every gateway setting through, and refuses API keys as plain variables', () => {
    const passable = gatewaySettingNames().filter((n) => !KEY_SETTINGS.includes(n));
    // Any string reaches the container; SHUTDOWN_GRACE_MS must be a number, as the stop timeout derives from it.
    const value = (n: string) => (n === 'SHUTDOWN_GRACE_MS' ? '30000' : `value-of-${n}`);
    const t = synth({ settings: Object.fromEntries(passable.map((n) => [n, value(n)])) });
    const env = envOf(t);
    expect(passable.filter((n) => n !== 'DEFAULT_MODEL' && env[n] !== value(n))).toEqual([]);
    // DEFAULT_MODEL stays a template parameter, defaulting to the setting.
    expect(env.DEFAULT_MODEL).toEqual({ Ref: 'DefaultModel' });
    expect(t.toJSON().Parameters.DefaultModel.Default).toBe('value-of-DEFAULT_MODEL');
    expect(containerOf(t).StopTimeout).toBe(45);
    expect(() => synth({ settings: { SHUTDOWN_GRACE_MS: '200000' } })).toThrow(/SHUTDOWN_GRACE_MS must be/);
    expect(() => synth({ settings: { API_KEY: 'sk-1' } })).toThrow(/not passed as environment variables/);
  });
});
