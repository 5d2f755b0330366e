# The atlas as a container: exactly the production path test/process/production-path.test.ts runs
# (test/process/release-files.test.ts checks that the commands below stay the same as the test's).
# Build: docker build -t atlas-partnerstw .   Run: see docs/deployment.md and compose.yaml.
ARG NODE_IMAGE=node:24-slim

# Build stage: the whole toolchain (TypeScript, Vite) and one build into /release.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN scripts/build-release.sh /release

# Runtime stage: the release folder and its runtime dependencies only, run by an unprivileged user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    PGLITE_DATA_DIR=/data/pglite
WORKDIR /app
COPY --from=build /release ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The embedded database (and its lock file, data/pglite.lock) lives in /data; unused with DATABASE_URL.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
# Ready means the database answers (503 while it does not); the first start imports the boundaries first.
HEALTHCHECK --interval=15s --timeout=6s --start-period=180s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself as PID 1 (not npm): SIGTERM reaches the server, which drains requests and closes the database.
CMD ["node", "dist/server/main.js"]
