// The AWS SDK warns once per process that its 2027 releases will need Node 22; this project's lockfile pins
// releases that support Node 20, so the warning is only noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
