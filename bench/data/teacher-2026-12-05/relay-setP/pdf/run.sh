#!/bin/bash
# relay run 12, part pdf: one relay server, one convert (code: /work/run12/main @ $(git -C /work/run12/main rev-parse --short HEAD))
cd /work/relay-run-12/pdf
python3 /work/shared/tools/relay_openai.py 8873 /work/relay-run-12/pdf/exchange --wait 6000 > relay.log 2>&1 &
RELAY=$!
sleep 1
export PYTHONPATH=/work/run12/main OPENAI_API_KEY=none
PY=/work/main/.venv/bin/python
$PY -c "from seekh_convert.cli import main; main()" estimate /work/docs-P3/pdf --model relay --json > estimate.json 2> estimate.err
date -u +%FT%TZ > started
$PY -c "from seekh_convert.cli import main; main()" convert /work/docs-P3/pdf --output /work/relay-run-12/pdf/out --engine openai --model relay --base-url http://127.0.0.1:8873/v1 --timeout 6000 --concurrency 2 --no-cache > convert.log 2>&1
echo $? > convert.rc
date -u +%FT%TZ > finished
touch DONE
kill $RELAY
