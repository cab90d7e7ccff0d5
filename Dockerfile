# syntax=docker/dockerfile:1

# ---- build ----
# Base images are pinned to exact versions (the SDK global.json asks for, the runtime it ships with). Pin them by digest too
# where the registry can be reached: `docker buildx imagetools inspect mcr.microsoft.com/dotnet/sdk:10.0.401` prints it;
# write FROM image:tag@sha256:… so a re-pushed tag cannot change the build.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
# Set by BuildKit to the platform being built (amd64, arm64): publishing for it compiles ReadyToRun, which starts faster.
ARG TARGETARCH
WORKDIR /src

# Restore first, from the files that decide it only, so the layer is cached across code changes.
# global.json pins SDK 10.0.401 with rollForward latestFeature: the sdk image above carries exactly that SDK.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY ProjectTracker.Domain/ProjectTracker.Domain.csproj ProjectTracker.Domain/
COPY ProjectTracker.Web/ProjectTracker.Web.csproj ProjectTracker.Web/
# The demo mode (--demo) runs the simulators in-process, so the app references them.
COPY ProjectTracker.Simulators/ProjectTracker.Simulators.csproj ProjectTracker.Simulators/
RUN dotnet restore ProjectTracker.Web/ProjectTracker.Web.csproj -a $TARGETARCH

COPY . .
RUN dotnet publish ProjectTracker.Web/ProjectTracker.Web.csproj -c Release -a $TARGETARCH -o /app/publish --no-restore

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
WORKDIR /app

# SQLite data lives in /app/App_Data; mount a volume there to keep it.
# APP_UID is the non-root `app` user the aspnet image defines.
RUN mkdir -p /app/App_Data && chown "$APP_UID:$APP_UID" /app/App_Data
COPY --from=build /app/publish .

USER $APP_UID
# The app listens on 0.0.0.0:$PORT.
ENV PORT=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080

# No HEALTHCHECK: the aspnet image has no curl/wget to probe the app with. Use the
# orchestrator's HTTP probe against the app instead.
ENTRYPOINT ["dotnet", "ProjectTracker.Web.dll"]
