# Masthead: one image for web processes and workers (MASTHEAD_ROLE picks which).
# Build: docker build -t masthead .   Run: see compose.yaml and docs/deploy.md.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source on install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3 sharp esbuild
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    MASTHEAD_HOST=0.0.0.0 \
    MASTHEAD_PORT=2368 \
    MASTHEAD_DATA_DIR=/data \
    MASTHEAD_DEMO=false
WORKDIR /app
# The built program (dist/, admin/dist/), its assets and production dependencies.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 2368
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.MASTHEAD_PORT||2368)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/masthead.js", "start"]
