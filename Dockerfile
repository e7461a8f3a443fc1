# Stage 1: build the web app (needs the devDependencies: vite, preact preset).
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build

# Stage 2: the app: production dependencies only, TypeScript run by tsx, the built web app copied in.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production SKIP_CLIENT_BUILD=true
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY server ./server
COPY db ./db
COPY search ./search
COPY client ./client
COPY tsconfig.json ./
COPY --from=web /app/dist/client ./dist/client
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/main.ts"]
