# Build and run MediconGlobal. Not exercised by the tests (no Docker engine where this is developed).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/MediconGlobal.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The data-protection keys are kept in the database (ADR 1602); no key volume is needed, and any number of
# containers on one database share sign-ins. Plain HTTP on 8080 behind a TLS-terminating proxy whose
# X-Forwarded-* headers are trusted from ForwardedHeaders__KnownProxies/KnownNetworks; Portal__PublicUrl is required.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
# The runtime image has no HTTP client for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /app/logs && chown -R app:app /app/logs
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "MediconGlobal.Web.dll"]
