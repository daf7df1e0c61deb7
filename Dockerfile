# Werkplaats as a container, built from this repository alone:
#   docker build -t werkplaats .
#   docker run -p 127.0.0.1:8787:8787 -v werkplaats-data:/data werkplaats
# compose.yaml runs it with PostgreSQL, Redis and a TLS proxy. The runtime is the Node the project
# pins (package.json, node-linux-*): tests/server/cli/deployFiles.test.ts keeps NODE_VERSION equal.
ARG NODE_VERSION=24.22.3

# Everything `npm run build` needs (vite for the client, esbuild for the server bundle). No package
# needs its install script (allowScripts in package.json allows only esbuild's, a check of its
# binary), so none runs: the image does not depend on its npm knowing allowScripts.
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# Production dependencies only. The image's Node is the pinned version already, so the copy npm
# installs for machines without one (node-linux-*, ~190 MB) is left out.
FROM node:${NODE_VERSION}-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/node-linux-* node_modules/.bin/node \
  && npm cache clean --force

FROM node:${NODE_VERSION}-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The sources too, for the operator's commands (npm run admin, backup, migrate-to-postgres run
# them through tsx, a production dependency); the server itself runs the bundle in dist/.
COPY package.json package-lock.json tsconfig.json ./
COPY server ./server
COPY shared ./shared
# The app's files stay root's; the app user writes only its data and the launcher's records of
# running processes (dist/server/.running).
RUN mkdir -p /data dist/server/.running \
  && chown node:node /data dist/server/.running
USER node
VOLUME ["/data"]
EXPOSE 8787
# Liveness only (the database is /api/ready's business): a restart would not cure a database outage.
# No curl in the slim image; the probe paths are answered whatever the Host header says.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop accepting, commit what is queued, close sockets with 1001, close the database, exit 0.
# Node is PID 1 and handles it itself (no npm or shell in between to swallow it).
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=8", "dist/server/start.mjs"]
