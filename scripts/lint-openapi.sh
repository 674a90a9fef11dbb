#!/usr/bin/env bash
# Lints the OpenAPI document the app serves at /openapi/v1.json with Redocly CLI (pinned in package.json,
# rules in redocly.yaml). The integration test OpenApiDocumentTests fetches the document from the real app and
# writes it to artifacts/openapi/v1.json; this script runs that one test class first, so the document is never stale.
# Exit status 0 only when the document was written and has no lint problems.
set -euo pipefail
cd "$(dirname "$0")/.."

document="artifacts/openapi/v1.json"
rm -f "$document"
dotnet test tests/FreeGpuPortal.IntegrationTests --configuration Release \
    --filter "FullyQualifiedName~FreeGpuPortal.IntegrationTests.Api.OpenApiDocumentTests" \
    --logger "console;verbosity=minimal"
if [ ! -s "$document" ]; then
    echo "lint-openapi: $document was not written by OpenApiDocumentTests" >&2
    exit 1
fi

npm ci --no-audit --no-fund
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --no-install redocly lint "$document" --format=stylish
