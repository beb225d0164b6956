import { CfnOutput, CfnParameter, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { GatewayRedis } from './gateway-redis';
import { grantGatewayCalls } from './gateway-permissions';
import { containerEnvironment } from './gateway-settings';

/** An existing VPC, given by ids so that synthesis needs no AWS account (no lookup). */
export interface ExistingVpc {
  vpcId: string;
  availabilityZones: string[];
  privateSubnetIds: string[];
  publicSubnetIds?: string[];
}

export interface GatewayStackProps extends StackProps {
  /** Use this VPC instead of creating one (two AZs, one NAT gateway). */
  existingVpc?: ExistingVpc;
  /** `true` (default): the load balancer takes traffic from the internet; `false`: only from inside the VPC. */
  internetFacing?: boolean;
  /** ACM certificate: HTTPS on 443 and HTTP redirected to it. Without one: plain HTTP on 80. */
  certificateArn?: string;
  /** Take the certificate from a `CertificateArn` template parameter (the committed template does). */
  certificateFromParameter?: boolean;
  /** Read the API key from this SSM parameter instead of the Secrets Manager secret the stack creates. */
  apiKeyParameterName?: string;
  /** A single-node ElastiCache Redis (TLS) shared by the tasks: per-key limits hold across tasks. */
  redis?: boolean;
  /** Gateway settings (README "Configuration"), as environment variables of the container. */
  settings?: Record<string, string>;
  /** ARM64 (Graviton, default: cheaper per vCPU on Fargate) or X86_64; the image is built for both. */
  cpuArchitecture?: 'ARM64' | 'X86_64';
  minTasks?: number;
  maxTasks?: number;
}

/** The gateway's own default drain after SIGTERM (src/config/config.validate.ts). */
const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;
/** Fargate's longest stopTimeout. */
const MAX_STOP_SECONDS = 120;

/** The drain the gateway will use; the stop timeout and deregistration delay are derived from it. */
function shutdownGraceMs(settings: Record<string, string>): number {
  const value =
    settings.SHUTDOWN_GRACE_MS === undefined ? DEFAULT_SHUTDOWN_GRACE_MS : Number(settings.SHUTDOWN_GRACE_MS);
  if (!Number.isInteger(value) || value < 0 || value / 1000 + 5 > MAX_STOP_SECONDS) {
    throw new Error(
      `SHUTDOWN_GRACE_MS must be an integer from 0 to ${(MAX_STOP_SECONDS - 5) * 1000} on Fargate`,
    );
  }
  return value;
}

/**
 * bedrock-gateway on ECS Fargate: tasks in private subnets behind an Application Load Balancer, the API key
 * in Secrets Manager, logs in CloudWatch with a retention, autoscaling on CPU and on requests per task.
 */
export class GatewayStack extends Stack {
  constructor(scope: Construct, id: string, props: GatewayStackProps = {}) {
    super(scope, id, props);
    const settings = props.settings ?? {};
    const graceMs = shutdownGraceMs(settings);
    const graceSeconds = Math.ceil(graceMs / 1000);
    const image = new CfnParameter(this, 'ContainerImage', {
      description:
        'The gateway image (linux/amd64 + linux/arm64), e.g. 111122223333.dkr.ecr.us-east-1.amazonaws.com/bedrock-gateway:0.1.0',
      minLength: 1,
    });
    const defaultModel = new CfnParameter(this, 'DefaultModel', {
      description: 'Bedrock model used when a request names an OpenAI chat model (gpt-4o, …)',
      default: settings.DEFAULT_MODEL ?? 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    });

    const vpc = props.existingVpc
      ? ec2.Vpc.fromVpcAttributes(this, 'Vpc', props.existingVpc)
      : new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1 });

    const apiKey = props.apiKeyParameterName
      ? undefined
      : new secretsmanager.Secret(this, 'ApiKey', {
          description: 'bedrock-gateway API key (clients send it as Authorization: Bearer …)',
          // Bedrock Access Gateway's secret format, {"api_key": "…"}, generated: never in the template.
          generateSecretString: {
            secretStringTemplate: '{}',
            generateStringKey: 'api_key',
            excludePunctuation: true,
            passwordLength: 48,
          },
        });

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      // Sized like the Kubernetes pods (docs/performance.md): one event loop uses about one core at most.
      cpu: 512,
      memoryLimitMiB: 1024,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.of(props.cpuArchitecture ?? 'ARM64'),
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
      volumes: [{ name: 'tmp' }],
    });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const redis = props.redis ? new GatewayRedis(this, 'Redis', { vpc }) : undefined;
    const container = task.addContainer('gateway', {
      image: ecs.ContainerImage.fromRegistry(image.valueAsString),
      user: '1000',
      readonlyRootFilesystem: true,
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'gateway' }),
      portMappings: [{ name: 'http', containerPort: 8000 }],
      // SIGTERM to SIGKILL: longer than the gateway's drain (Fargate allows up to 120 s).
      stopTimeout: Duration.seconds(Math.min(graceSeconds + 15, MAX_STOP_SECONDS)),
      environment: containerEnvironment({
        AWS_REGION: this.region,
        ...(apiKey
          ? { API_KEY_SECRET_ARN: apiKey.secretArn }
          : { API_KEY_PARAM_NAME: props.apiKeyParameterName! }),
        ...(redis ? { REDIS_URL: redis.url } : {}),
        ...settings,
        // The parameter's default is settings.DEFAULT_MODEL when given, so a console user can still change it.
        DEFAULT_MODEL: defaultModel.valueAsString,
        SHUTDOWN_GRACE_MS: String(graceMs),
      }),
    });
    container.addMountPoints({ containerPath: '/tmp', sourceVolume: 'tmp', readOnly: false });
    grantGatewayCalls(this, task.taskRole, { secret: apiKey, parameterName: props.apiKeyParameterName });

    const service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: props.minTasks ?? 2,
      assignPublicIp: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(60),
    });
    redis?.allowFrom(service);

    const alb = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: props.internetFacing ?? true,
      dropInvalidHeaderFields: true,
    });
    const certificateArn = props.certificateFromParameter
      ? new CfnParameter(this, 'CertificateArn', {
          description: 'ACM certificate for the HTTPS listener',
          allowedPattern: '^arn:aws[\\w-]*:acm:.+',
        }).valueAsString
      : props.certificateArn;
    const https = certificateArn !== undefined;
    const listener = alb.addListener(https ? 'Https' : 'Http', {
      port: https ? 443 : 80,
      certificates: https ? [elbv2.ListenerCertificate.fromArn(certificateArn!)] : undefined,
      sslPolicy: https ? elbv2.SslPolicy.RECOMMENDED_TLS : undefined,
    });
    if (https) alb.addRedirect({ sourcePort: 80, targetPort: 443 });
    const target = listener.addTargets('Gateway', {
      port: 8000,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [service.loadBalancerTarget({ containerName: 'gateway', containerPort: 8000 })],
      healthCheck: { path: '/health', healthyHttpCodes: '200', interval: Duration.seconds(15) },
      // The gateway drains in-flight streams for up to SHUTDOWN_GRACE_MS after SIGTERM.
      deregistrationDelay: Duration.seconds(graceSeconds + 5),
    });

    const scaling = service.autoScaleTaskCount({
      minCapacity: props.minTasks ?? 2,
      maxCapacity: props.maxTasks ?? 10,
    });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
    // Little's law: 6,000 requests a minute per task at ~10 s per streamed answer is ~1,000 held at once,
    // the load docs/performance.md measured at 241 MiB.
    scaling.scaleOnRequestCount('Requests', { requestsPerTarget: 6000, targetGroup: target });

    new CfnOutput(this, 'BaseUrl', {
      value: `${https ? 'https' : 'http'}://${alb.loadBalancerDnsName}/v1`,
      description: 'OpenAI base URL (point a CNAME of your certificate name at the load balancer)',
    });
    if (apiKey) {
      new CfnOutput(this, 'ApiKeySecretArn', {
        value: apiKey.secretArn,
        description: 'aws secretsmanager get-secret-value --secret-id <this> --query SecretString',
      });
    }
  }
}
