"""The Batch API queue against the fake server: requests that come while a batch is being submitted go into the next."""

from __future__ import annotations

import asyncio
import json
import time

import openai
from fakes.openai_server import FakeOpenAIServer

from seekh_convert.generate.openai.batch import BatchQueue
from seekh_convert.generate.openai.ledger import BatchLedger
from seekh_convert.generate.openai.retry import Backoff


def _body(n: int) -> dict:
    return {"model": "fake-model", "messages": [{"role": "user", "content": f"request {n}"}], "max_tokens": 16}


def test_a_request_that_comes_during_a_submission_goes_into_the_next_batch(tmp_path):
    with FakeOpenAIServer(responder=lambda body: json.dumps({"echo": body["messages"][0]["content"]})) as server:
        upload = server.batch.upload

        def slow_upload(content_type, raw):
            time.sleep(0.3)  # the second request arrives while the first batch is being uploaded
            return upload(content_type, raw)

        server.batch.upload = slow_upload

        async def main():
            client = openai.AsyncOpenAI(api_key="k", base_url=server.url, max_retries=0)
            statuses: list[str] = []
            queue = BatchQueue(
                client,
                BatchLedger(tmp_path),
                window=0.05,
                poll=0.05,
                policy=Backoff(1, 0.01, 0.1),
                store=lambda key, body: None,
                status=statuses.append,
            )
            first = asyncio.create_task(queue.ask("a", _body(1)))
            await asyncio.sleep(0.15)
            second = asyncio.create_task(queue.ask("b", _body(2)))
            answers = await asyncio.wait_for(asyncio.gather(first, second), timeout=20)
            await queue.aclose()
            await client.close()
            return answers, statuses

        (one, two), statuses = asyncio.run(main())
    assert json.loads(one["choices"][0]["message"]["content"]) == {"echo": "request 1"}
    assert json.loads(two["choices"][0]["message"]["content"]) == {"echo": "request 2"}
    assert [len(b.lines) for b in server.batch.batches.values()] == [1, 1]
    assert sum("submitted" in s for s in statuses) == 2
