# FoodFast Analytics API: build with the .NET 10 SDK, run on the .NET 10 ASP.NET Core runtime.
#
#   docker build -t foodfast-analytics .        (docker compose up does this for you)
#
# The runtime stage is Debian, not the aspnet:10.0 image itself: .NET 10 images are Ubuntu 24.04, where
# `apt-get install chromium` is only a stub for the snap package, which cannot run in a container. PDF
# reports need a real headless Chromium, so the official runtime files are copied from aspnet:10.0 onto
# Debian bookworm, whose `chromium` package is the one our build machines and tests use.

# The app at /app: static files built with the pinned packages of its package-lock.json (scripts/build-app.sh does the same).
FROM node:20-bookworm-slim AS app
WORKDIR /app-src
COPY src/FoodFast.Analytics.App/package.json src/FoodFast.Analytics.App/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/FoodFast.Analytics.App/ ./
RUN npx --no-install vite build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY --from=app /app-src/dist src/FoodFast.Analytics.App/dist
RUN dotnet restore src/FoodFast.Analytics.Api/FoodFast.Analytics.Api.csproj
RUN dotnet publish src/FoodFast.Analytics.Api/FoodFast.Analytics.Api.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates tzdata libicu72 libssl3 zlib1g \
      chromium fonts-dejavu-core fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && useradd --system --uid 10001 --user-group --create-home --home-dir /home/foodfast foodfast \
 && mkdir -p /data && chown foodfast:foodfast /data
COPY scripts/docker-healthcheck.sh /usr/local/bin/foodfast-healthcheck
WORKDIR /app
COPY --from=build /app ./

# appsettings.json binds 127.0.0.1 (and so does the PORT alias); in a container the API must listen on
# every interface. `Urls` (not only ASPNETCORE_URLS) because it is read after appsettings.json and wins.
ENV Urls=http://0.0.0.0:8080 \
    ASPNETCORE_URLS=http://0.0.0.0:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_ROOT=/usr/share/dotnet \
    CHROMIUM_PATH=/usr/bin/chromium \
    HOME=/home/foodfast
EXPOSE 8080
VOLUME ["/data"]

USER 10001:10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["foodfast-healthcheck", "/health/live"]
ENTRYPOINT ["dotnet", "FoodFast.Analytics.Api.dll"]
