"""Claim the oldest waiting request of PART for NAME: prints its number (NNNN) or nothing."""
import os, sys
part, name = sys.argv[1], sys.argv[2]
ex = f"/work/relay-run-23/{part}/exchange"
for f in sorted(os.listdir(ex)):
    if f.startswith("req-") and f.endswith(".json"):
        n = f[4:8]
        if os.path.exists(f"{ex}/resp-{n}.txt"):
            continue
        try:
            fd = os.open(f"{ex}/claim-{n}", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            continue
        os.write(fd, name.encode()); os.close(fd)
        print(n)
        break
