# The app: Node 20, production dependencies only, TypeScript run by tsx (no build step to forget).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY server ./server
COPY db ./db
COPY search ./search
COPY tsconfig.json ./
# client/dist is added here once the web app exists (npm run build in a build stage)
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/main.ts"]
