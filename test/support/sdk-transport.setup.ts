// Jest project `e2e-sdk`: the whole end-to-end suite against the stock AWS SDK transport.
process.env.BEDROCK_TRANSPORT = 'sdk';
