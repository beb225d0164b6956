/** Writes template/BedrockGateway.template.json (`npm run synth` in deploy/ecs); CI checks it is current. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { CONSOLE_TEMPLATE_PROPS, gatewayApp, STACK_NAME } from '../lib/gateway-app';

const { stack } = gatewayApp(CONSOLE_TEMPLATE_PROPS);
const file = join(__dirname, '..', 'template', `${STACK_NAME}.template.json`);
writeFileSync(file, `${JSON.stringify(Template.fromStack(stack).toJSON(), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
