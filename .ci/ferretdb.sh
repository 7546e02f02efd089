#!/usr/bin/env bash
# Builds FerretDB (a MongoDB-wire server with an SQLite backend) from the Go module proxy into
# $(go env GOPATH)/bin. Its sources need a version file that `go install` does not produce, so
# the module is copied out of the module cache and built from there.
set -euo pipefail
version=v1.24.2
module=github.com/FerretDB/FerretDB
src_dir=$(go mod download -json "$module@$version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src_dir" "$work/src"
chmod -R u+w "$work/src"
echo "$version" > "$work/src/build/version/version.txt"
(cd "$work/src" && go build -o "$(go env GOPATH)/bin/ferretdb" ./cmd/ferretdb)
echo "ferretdb $version built into $(go env GOPATH)/bin"
