# syntax=docker/dockerfile:1
# Build: install everything, generate the Prisma client.
FROM node:24-slim AS build
WORKDIR /app
COPY . .
# The postinstall also builds the migrated empty embedded database (scripts/build-pglite-template.ts)
# and the panel's development bundle (the run stage builds its production one).
RUN npm ci --no-audit --no-fund

# Run: production dependencies only, plus the generated client from the build stage.
FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
# Node keeps the compiled code of every module here: later starts skip compiling (~1 s of CPU).
ENV NODE_COMPILE_CACHE=/tmp/node-compile-cache
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the postinstall (prisma generate) needs the dev-only CLI; its output is copied below.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/prisma/generated ./prisma/generated
COPY . .
# The panel's components bundle, built once here so that starts never wait for it.
RUN node --disable-warning=ExperimentalWarning scripts/build-admin-bundle.ts
# The migrated empty embedded database (a data folder) a first start copies instead of
# migrating (seconds), built by the build stage's postinstall. Built as root, copied by the
# user node: PGlite leaves a file or two readable by their owner only.
COPY --from=build /app/.cache/pglite ./.cache/pglite
# Not the demo template the install also made: it is dated by the build's day (seed/demo-template.ts),
# and a production database starts without the demo.
RUN rm -rf .cache/pglite/demo-* && chmod -R a+rX .cache/pglite
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Apply pending migrations (same engine and bookkeeping as `prisma migrate deploy`), then start.
# The server runs with npm start's memory settings (see main.ts).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
CMD ["sh", "-c", "node --disable-warning=ExperimentalWarning scripts/migrate.ts && exec node --max-semi-space-size=8 --liftoff-only --disable-warning=ExperimentalWarning main.ts"]
