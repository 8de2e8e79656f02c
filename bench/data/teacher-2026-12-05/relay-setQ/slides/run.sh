#!/bin/bash
# relay run 13, part slides: one relay server, one convert (code: /work/run13/main @ $(git -C /work/run13/main rev-parse --short HEAD))
cd /work/relay-run-13/slides
python3 /work/shared/tools/relay_openai.py 8881 /work/relay-run-13/slides/exchange --wait 6000 > relay.log 2>&1 &
RELAY=$!
sleep 1
export PYTHONPATH=/work/run13/main OPENAI_API_KEY=none
PY=/work/main/.venv/bin/python
$PY -c "from seekh_convert.cli import main; main()" estimate /work/docs-Q3/slides --model relay --json > estimate.json 2> estimate.err
date -u +%FT%TZ > started
$PY -c "from seekh_convert.cli import main; main()" convert /work/docs-Q3/slides --output /work/relay-run-13/slides/out --engine openai --model relay --base-url http://127.0.0.1:8881/v1 --timeout 6000 --concurrency 2 --no-cache > convert.log 2>&1
echo $? > convert.rc
date -u +%FT%TZ > finished
touch DONE
kill $RELAY
