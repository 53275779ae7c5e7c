#!/usr/bin/env bash
# Progress lines for `npm start` while test/e2e/install.sh works silently (the first start installs
# n8n: a few minutes). Prints nothing when the install is done within the first interval.
# Usage: progress.sh <n8n install dir> <its package-lock.json> <node24 dir>   (stopped by start.sh)
n8n_dir=$1 lock=$2 node_dir=$3
every=${PROGRESS_EVERY:-15}
t0=$SECONDS
# top-level packages in the lockfile: what "installed" counts towards
total=$(grep -cE '^\s*"node_modules/(@[^/"]+/)?[^/"]+": \{' "$lock" 2>/dev/null || echo 0)
while sleep "$every"; do
  elapsed=$((SECONDS - t0))
  if [ ! -x "$node_dir/node_modules/node/bin/node" ]; then
    what="downloading Node 24 for n8n"
  elif [ ! -x "$n8n_dir/node_modules/.bin/n8n" ]; then
    have=$(find "$n8n_dir/node_modules" -mindepth 2 -maxdepth 3 -name package.json \
      \( -path "$n8n_dir/node_modules/*/package.json" -a ! -path "$n8n_dir/node_modules/*/node_modules/*" \) 2>/dev/null | wc -l)
    size=$(du -sm "$n8n_dir/node_modules" 2>/dev/null | cut -f1)
    what="installing n8n: $have of $total packages (${size:-0} MB)"
  else
    what="building sqlite3 for n8n from source (1-2 minutes)"
  fi
  printf '[start] first start: %s, %d min %02d s so far...\n' "$what" $((elapsed / 60)) $((elapsed % 60))
done
