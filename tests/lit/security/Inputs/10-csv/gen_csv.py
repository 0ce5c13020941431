#!/usr/bin/env python3
"""gen_csv.py — writes large CSV data files for the item-10 tests (never committed: generated at test time).

usage: gen_csv.py wide COLUMNS ROWS OUT [dup]   COLUMNS-1 unused columns, then `arm` last; with `dup`, the last
                                               column is named `c0` again (a duplicate far from the first)
       gen_csv.py tall MEGABYTES UNUSED OUT [varied]
                                               columns `arm`, `y` and UNUSED unused columns of 12-character
                                               cells, rows until the file is about MEGABYTES large; `y` has 70
                                               distinct values, or with `varied` 1,000 of five decimals (one in
                                               ten ending in 0, as a fixed-width export writes them; arm t
                                               larger by 1)
"""
import sys

mode = sys.argv[1]
if mode == "wide":
    columns, rows, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    last = "c0" if len(sys.argv) > 5 and sys.argv[5] == "dup" else "arm"
    with open(out, "w") as f:
        f.write(",".join(f"c{i}" for i in range(columns - 1)) + "," + last + "\n")
        filler = ",".join("1" for _ in range(columns - 1))
        for r in range(rows):
            f.write(filler + ("," + ("a" if r % 2 else "b")) + "\n")
elif mode == "tall":
    megabytes, unused, out = float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    varied = len(sys.argv) > 5 and sys.argv[5] == "varied"
    target = int(megabytes * 1024 * 1024)
    with open(out, "w") as f:
        f.write("arm,y," + ",".join(f"u{i}" for i in range(unused)) + "\n")
        filler = ",".join("unused-cell1" for _ in range(unused))
        block = []
        for r in range(1000):
            y = f"{r % 7 + r % 2}.{r * 7919 % 100000:05d}" if varied else f"{r % 7}.{r % 10}5"
            block.append(f"{'ct'[r % 2]},{y},{filler}\n")
        block = "".join(block)
        written = 0
        while written < target:
            f.write(block)
            written += len(block)
else:
    sys.exit(f"gen_csv.py: unknown mode {mode}")
