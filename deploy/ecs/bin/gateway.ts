/**
 * `npx aws-cdk@2 deploy -c key=value …` (deploy/ecs/cdk.json runs this file). Context keys:
 *   certificateArn=arn:aws:acm:…   HTTPS (else HTTP on 80)       internal=true   internal load balancer
 *   redis=true                     ElastiCache Redis              arch=X86_64     instead of ARM64 (Graviton)
 *   apiKeyParameterName=/path      key from SSM, not a new secret minTasks=2 maxTasks=10
 *   vpc='{"vpcId":…,"availabilityZones":[…],"privateSubnetIds":[…],"publicSubnetIds":[…]}'
 *   settings='{"LOG_LEVEL":"debug",…}'   any gateway setting (README "Configuration")
 * and the parameters: --parameters ContainerImage=… [--parameters DefaultModel=…]
 */
import { App } from 'aws-cdk-lib';
import { gatewayApp } from '../lib/gateway-app';

// `cdk -c` hands the context over in the environment; any App reads it.
const context = new App().node;
const get = (key: string): string | undefined => {
  const value: unknown = context.tryGetContext(key);
  return value === undefined ? undefined : String(value);
};
const json = <T>(key: string): T | undefined =>
  get(key) === undefined ? undefined : (JSON.parse(get(key)!) as T);
const num = (key: string) => (get(key) === undefined ? undefined : Number(get(key)));

const { app } = gatewayApp({
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  certificateArn: get('certificateArn'),
  internetFacing: get('internal') !== 'true',
  redis: get('redis') === 'true',
  cpuArchitecture: get('arch') === 'X86_64' ? 'X86_64' : 'ARM64',
  apiKeyParameterName: get('apiKeyParameterName'),
  minTasks: num('minTasks'),
  maxTasks: num('maxTasks'),
  existingVpc: json('vpc'),
  settings: json('settings'),
});
app.synth();
