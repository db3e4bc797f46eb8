"""A separate process that adds claims and edits shared ones, retrying stale edits.

Run by test_concurrency.py: python concurrency_worker.py URL WORKER ADDS EDITS START SHARED...
Prints a JSON summary on stdout; any error other than a stale version makes it exit 1.
"""

from __future__ import annotations

import json
import sys
import time

from tracker.errors import ConflictError
from tracker.store import Store


def main() -> int:
    url, worker, adds, edits, start, *shared = sys.argv[1:]
    worker, adds, edits, start = int(worker), int(adds), int(edits), float(start)
    store = Store(url)
    time.sleep(max(0.0, start - time.time()))  # all workers begin together
    added, tokens, conflicts = [], [], 0
    for i in range(max(adds, edits)):
        if i < adds:
            claim = store.add_claim(
                {
                    "event_date": "2024-05-01",
                    "name": f"W{worker} place {i}",
                    "lat": 48.0 + worker / 100,
                    "lon": 37.0 + i / 1000,
                    "side": "RU" if i % 2 else "UA",
                    "action": "attack",
                    "claimant": f"worker {worker}",
                },
                by=f"worker{worker}",
            )
            added.append(claim.id)
        if i < edits:
            target = shared[(worker + i) % len(shared)]
            token = f"w{worker}e{i}"
            while True:
                current = store.get_claim(target)
                notes = f"{current.notes}|{token}" if current.notes else token
                try:
                    store.update_claim(
                        target, {"notes": notes}, version=current.version, by=f"worker{worker}"
                    )
                    break
                except ConflictError:
                    conflicts += 1
            tokens.append([target, token])
    store.close()
    print(json.dumps({"added": added, "tokens": tokens, "conflicts": conflicts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
