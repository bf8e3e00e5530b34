#!/usr/bin/env bash
# Formats the Swift sources with swift-format (bundled with the Swift 6 toolchain).
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format --in-place --recursive Sources Tests
