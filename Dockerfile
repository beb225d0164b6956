# syntax=docker/dockerfile:1
# bedrock-gateway: multi-stage build, runs as the unprivileged `node` user on a read-only root filesystem.
# Node 22 LTS: the AWS SDK's releases from 2027 require it (the project is also tested on Node 20).
#
# Multi-arch (Graviton is the cheaper choice on EKS and Fargate):
#   docker buildx build --platform linux/amd64,linux/arm64 -t <registry>/bedrock-gateway:<tag> --push .
# CI replays this file without a Docker engine (deploy/docker/image-build.spec.ts): keep to the instructions
# that replay understands, and every file the build needs inside the context that .dockerignore lets through.

# The build stage runs on the builder's own platform: its output is plain JavaScript, and the production
# dependencies ship no native code (the replay checks that), so an arm64 image needs no emulated `npm ci`.
FROM --platform=$BUILDPLATFORM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    PORT=8000 \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
WORKDIR /app
# Owned by root and read-only to the process: it writes nothing outside /tmp, so the root filesystem can be
# mounted read-only (Kubernetes readOnlyRootFilesystem, ECS readonlyRootFilesystem).
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
USER node
EXPOSE 8000
# Liveness through the same /health route an orchestrator would use; Node's own fetch, so no curl in the image.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (Nest's shutdown hooks drain requests in flight).
CMD ["node", "dist/src/main.js"]
