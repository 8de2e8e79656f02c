#!/bin/bash
# relay run 25, part slides: one relay server, one convert (code: /work/main @ $(git -C /work/code-25 rev-parse --short HEAD))
cd /work/relay-run-25/slides
python3 /work/shared/tools/relay_openai.py 8931 /work/relay-run-25/slides/exchange --wait 10000 > relay.log 2>&1 &
RELAY=$!
sleep 1
export PYTHONPATH=/work/code-25 OPENAI_API_KEY=none
PY=/work/main/.venv/bin/python
$PY -c "from seekh_convert.cli import main; main()" estimate /work/docs-AC/slides --model relay --json > estimate.json 2> estimate.err
date -u +%FT%TZ > started
$PY -c "from seekh_convert.cli import main; main()" convert /work/docs-AC/slides --output /work/relay-run-25/slides/out --engine openai --model relay --base-url http://127.0.0.1:8931/v1 --timeout 10000 --concurrency 2 --no-cache > convert.log 2>&1
echo $? > convert.rc
date -u +%FT%TZ > finished
touch DONE
kill $RELAY
