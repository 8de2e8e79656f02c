#!/bin/bash
# relay run 13, part srt: one relay server, one convert (code: /work/run13/main @ $(git -C /work/run13/main rev-parse --short HEAD))
cd /work/relay-run-13/srt
python3 /work/shared/tools/relay_openai.py 8882 /work/relay-run-13/srt/exchange --wait 6000 > relay.log 2>&1 &
RELAY=$!
sleep 1
export PYTHONPATH=/work/run13/main OPENAI_API_KEY=none
PY=/work/main/.venv/bin/python
$PY -c "from seekh_convert.cli import main; main()" estimate /work/docs-Q3/srt --model relay --json > estimate.json 2> estimate.err
date -u +%FT%TZ > started
$PY -c "from seekh_convert.cli import main; main()" convert /work/docs-Q3/srt --output /work/relay-run-13/srt/out --engine openai --model relay --base-url http://127.0.0.1:8882/v1 --timeout 6000 --concurrency 2 --no-cache > convert.log 2>&1
echo $? > convert.rc
date -u +%FT%TZ > finished
touch DONE
kill $RELAY
