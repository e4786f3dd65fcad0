import { defineConfig } from "vite";

// Served by the API at /app (src/FoodFast.Analytics.Api/App/AppPageApi.cs); `npm run dev` proxies the API.
export default defineConfig({
  base: "/app/",
  build: { outDir: "dist", emptyOutDir: true, assetsDir: "assets", chunkSizeWarningLimit: 900 },
  server: { proxy: { "/api": { target: process.env.FOODFAST_API || "http://127.0.0.1:8080", ws: true } } },
});
