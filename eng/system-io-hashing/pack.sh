#!/usr/bin/env bash
# Rebuilds feed/system.io.hashing.10.0.0-sdk.nupkg from package/ (text files only).
set -euo pipefail
cd "$(dirname "$0")"
rm -f feed/*.nupkg
(cd package && zip -q -X -r ../feed/system.io.hashing.10.0.0-sdk.nupkg System.IO.Hashing.nuspec build buildTransitive)
echo "wrote feed/system.io.hashing.10.0.0-sdk.nupkg"
