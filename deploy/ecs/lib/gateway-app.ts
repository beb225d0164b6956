import { App, DefaultStackSynthesizer } from 'aws-cdk-lib';
import { GatewayStack, GatewayStackProps } from './gateway-stack';

export const STACK_NAME = 'BedrockGateway';

/**
 * The app with its stack. No assets and no bootstrap check: the image comes from a registry (a parameter), so
 * the template also deploys from the CloudFormation console, like AWS's own sample's.
 */
export function gatewayApp(
  props: GatewayStackProps,
  context: Record<string, unknown> = {},
): { app: App; stack: GatewayStack } {
  const app = new App({
    analyticsReporting: false,
    context: { 'aws:cdk:enable-path-metadata': false, ...context },
  });
  const stack = new GatewayStack(app, STACK_NAME, {
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
    description: 'bedrock-gateway: OpenAI-compatible API for Amazon Bedrock on ECS Fargate',
    ...props,
  });
  return { app, stack };
}

/** What the committed template (template/BedrockGateway.template.json) is made from. */
export const CONSOLE_TEMPLATE_PROPS: GatewayStackProps = {
  certificateFromParameter: true,
  internetFacing: true,
};
