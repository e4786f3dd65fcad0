#!/usr/bin/env bash
# Prints the project dependency graph from the <ProjectReference> items of every .csproj under src/ (tests left out):
# one line per project, "A -> B, C". With a git revision (scripts/project-graph.sh 6fd328d) it reads that commit's files.
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-}"

list() { if [[ -n "$rev" ]]; then git ls-tree -r --name-only "$rev" -- src; else find src -name '*.csproj'; fi | grep '\.csproj$' | sort; }
show() { if [[ -n "$rev" ]]; then git show "$rev:$1"; else cat "$1"; fi; }
short() { basename "$1" .csproj | sed 's/^FoodFast\.Analytics\.//'; }

list | while read -r project; do
    refs=$(show "$project" | { grep -o 'ProjectReference Include="[^"]*"' || true; } | sed 's/.*\\//; s/"$//' | while read -r ref; do short "$ref"; done | sort | paste -sd, - | sed 's/,/, /g')
    echo "$(short "$project") -> ${refs:-(nothing of ours)}"
done
