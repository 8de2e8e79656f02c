"""Check every "quote" in REPLY is verbatim in the request's user text, then write resp-NNNN.txt atomically."""
import json, os, re, sys
part, n, reply = sys.argv[1], sys.argv[2], sys.argv[3]
ex = f"/work/relay-run-23/{part}/exchange"
req = json.load(open(f"{ex}/req-{n}.json"))
user = "\n".join(m["content"] if isinstance(m["content"], str) else json.dumps(m["content"]) for m in req["messages"] if m["role"] == "user")
norm = lambda s: re.sub(r"\s+", " ", s).strip()
text = open(reply, encoding="utf-8").read()
obj = json.loads(text)
bad = []
def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k in ("quote", "quotes"):
                for q in ([v] if isinstance(v, str) else v if isinstance(v, list) else []):
                    pieces = [x for x in re.split(r"\s*(?:…|\.\.\.)\s*", q) if x.strip()] if isinstance(q, str) else []
                    if isinstance(q, str) and q and any(norm(x) not in norm(user) for x in pieces):
                        bad.append(q)
            walk(v)
    elif isinstance(o, list):
        for v in o: walk(v)
walk(obj)
if bad:
    for q in bad: print("NOT VERBATIM:", q[:160])
    sys.exit(1)
if os.path.exists(f"{ex}/resp-{n}.txt"):
    print(f"REFUSED: resp-{n}.txt already exists (a reply is final; claim requests with claim.py before answering)")
    sys.exit(2)
if not os.path.exists(f"{ex}/claim-{n}"):
    print(f"REFUSED: request {n} is not claimed; claim it with claim.py first")
    sys.exit(2)
tmp = f"{ex}/resp-{n}.txt.{os.getpid()}.tmp"
open(tmp, "w", encoding="utf-8").write(text)
os.replace(tmp, f"{ex}/resp-{n}.txt")
print(f"wrote resp-{n}.txt")
