# The gateway's image: built in one stage, run from another holding only the runtime dependencies,
# the compiled gateway and the schema, as the unprivileged `node` user. No container engine is
# available where this project is developed: test/e2e/deployment.test.ts checks what can be checked
# (every COPY source exists, and the CMD and HEALTHCHECK run the built gateway after
# `npm ci --omit=dev`). docs/deployment.md says how to run it.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000 HEALTH_PORT=4001
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY schema ./schema
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000 4001
# /healthz on the health port: the event loop turns, answered by a thread that never waits behind
# traffic. (Readiness is /readyz, for the orchestrator's own probe.)
HEALTHCHECK --interval=10s --timeout=2s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# As `npm start`: the V8 flags of src/node-flags.ts, and SIGTERM straight to node (no npm in between).
CMD ["node", "--no-allocation-site-pretenuring", "--no-compilation-cache", "dist/cli/main.js"]
