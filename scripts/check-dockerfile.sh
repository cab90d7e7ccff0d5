#!/usr/bin/env bash
# Runs the Dockerfile's build stage without Docker (the engine does not run in CI): every COPY and RUN of the stage
# named "build", in order, in a scratch folder standing in for the image's file system, so a file the restore or
# publish needs but the Dockerfile forgets to copy fails here as it would in `docker build`.
#
#   bash scripts/check-dockerfile.sh
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/dockerfile-check.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
cd "$REPO_ROOT"

# The build context: tracked and new files, minus what .dockerignore leaves out (its patterns are all folder or
# extension globs, which git's pathspec excludes understand).
CONTEXT="$SCRATCH/context"
mkdir -p "$CONTEXT"
mapfile -t ignores < <(grep -v '^\s*\(#\|$\)' .dockerignore | sed 's#/$##' | sed 's#^#:(exclude,glob)#')
git ls-files -z --cached --others --exclude-standard -- . "${ignores[@]}" | xargs -0 cp --parents -t "$CONTEXT"

ROOT="$SCRATCH/root"           # stands for the image's /
workdir="$ROOT"
in_stage=0
while IFS= read -r line; do
  if [[ "$line" =~ ^FROM[[:space:]] ]]; then
    [[ "$line" =~ [[:space:]]AS[[:space:]]+build$ ]] && in_stage=1 || in_stage=0
    continue
  fi
  [[ "$in_stage" -eq 1 ]] || continue
  case "$line" in
    ARG\ *)
      # Build arguments the build stage reads; BuildKit sets TARGETARCH, here it is this machine's.
      name="${line#ARG }"
      [[ "$name" == TARGETARCH ]] || { echo "check-dockerfile: ARG $name: no value known for it here" >&2; exit 1; }
      case "$(uname -m)" in aarch64) export TARGETARCH=arm64 ;; *) export TARGETARCH=amd64 ;; esac
      ;;
    WORKDIR\ *)
      workdir="$ROOT${line#WORKDIR }"
      mkdir -p "$workdir"
      ;;
    COPY\ *)
      # Docker's rules: a folder's contents are copied into the destination; files go into it by name when the
      # destination ends with "/" (or there are several sources), else become that path.
      read -r -a parts <<<"${line#COPY }"
      destination="${parts[-1]}"
      sources=("${parts[@]:0:${#parts[@]}-1}")
      [[ "$destination" == /* ]] && target="$ROOT$destination" || target="$workdir/$destination"
      for source in "${sources[@]}"; do
        [[ -e "$CONTEXT/$source" ]] || { echo "check-dockerfile: COPY $source: not in the build context" >&2; exit 1; }
        if [[ -d "$CONTEXT/$source" ]]; then
          mkdir -p "$target"
          cp -a "$CONTEXT/$source/." "$target/"
        elif [[ "$destination" == */ || "${#sources[@]}" -gt 1 ]]; then
          mkdir -p "$target"
          cp -a "$CONTEXT/$source" "$target/"
        else
          mkdir -p "$(dirname "$target")"
          cp -a "$CONTEXT/$source" "$target"
        fi
      done
      ;;
    RUN\ *)
      command="${line#RUN }"
      command="${command//\/app\//$ROOT/app/}"   # absolute image paths land in the scratch root
      echo "check-dockerfile: RUN $command" | sed "s#$ROOT##g"
      (cd "$workdir" && bash -c "$command")
      ;;
  esac
done < Dockerfile

published="$ROOT/app/publish"
for expected in ProjectTracker.Web.dll ProjectTracker.Web.staticwebassets.endpoints.json; do
  [[ -e "$published/$expected" ]] || { echo "check-dockerfile: the publish output lacks $expected" >&2; exit 1; }
done
echo "check-dockerfile: the build stage restores and publishes ($(du -sh "$published" | cut -f1) in /app/publish)"
