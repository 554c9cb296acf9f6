# Node 22 (LTS): cookie and content-disposition, used by the web server, declare Node >= 22.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY content ./content
COPY locales ./locales
COPY scripts ./scripts
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "src/main.ts"]
