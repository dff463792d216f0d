"""Time and profile fresh renders of a page in-process, as a signed-in member.

Run with the server's environment (DATABASE_URL / GUILDHALL_DATA_DIR), after
`bench/make_item_with_comments.py` has prepared the data:

    python bench/profile_page.py MEMBER_EMAIL PATH [PATH...] [--repeat 50] [--profile out.html]

For each path it renders the page --repeat times through Django's test client (the whole
middleware stack, no network), after two warm-up renders, and prints the
median and 90th percentile time per render, the median and 10th percentile CPU time of
this process (the server's share, without the database's; the 10th percentile moves least
with other load on the machine), the queries per render and the page size. With
--profile it records the renders under pyinstrument (`pip install pyinstrument`) and writes its
flame graph: HTML for a browser, or text when the name ends in .txt (the times printed then
include the profiler's own overhead: measure without it).
"""

import argparse
import os
import statistics
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("member", help="the signed-in member's email")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", default="", help="write a pyinstrument report here")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guildhall.settings")
    import django

    django.setup()

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    member = get_user_model().objects.get(email=args.member)
    client = Client()
    client.force_login(member)
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)

    print(
        f"{'path':<44} {'median':>9} {'p90':>9} {'CPU':>9} {'CPU p10':>9} {'queries':>8} {'kB':>6}"
    )
    for path in args.paths:
        for _ in range(2):
            client.get(path)
        timings, cpu = [], []
        queries = []

        def count(run, sql, *rest, queries=queries):
            queries.append(sql)
            return run(sql, *rest)

        with connection.execute_wrapper(count):
            response = client.get(path)
        if response.status_code != 200:
            print(f"{path}: HTTP {response.status_code}", file=sys.stderr)
            return 1
        if profiler:
            profiler.start()
        for _ in range(args.repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        if profiler:
            profiler.stop()
        timings.sort()
        p90 = timings[int(len(timings) * 0.9) - 1]
        print(
            f"{path[:44]:<44} {statistics.median(timings):>7.1f}ms {p90:>7.1f}ms "
            f"{statistics.median(cpu):>7.1f}ms {sorted(cpu)[len(cpu) // 10]:>7.1f}ms "
            f"{len(queries):>8} {len(response.content) / 1024:>6.1f}"
        )
    if profiler:
        if args.profile.endswith(".txt"):
            with open(args.profile, "w") as out:
                out.write(profiler.output_text(unicode=True, show_all=False))
        else:
            profiler.write_html(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
