#!/usr/bin/env python3
"""compdb.py: write compile_commands.json for the kernel's sources.

clangd (and other editors' C++ support) read compile_commands.json to
know each file's flags.  `make compile_commands.json` runs this with the
compiler, the flags and the source list the Makefile itself uses, so the
two cannot disagree.  The i686 cross compiler is named, which clangd
accepts (add --query-driver=/usr/bin/i686-linux-gnu-g++ to clangd's
arguments so it asks that compiler for its system headers).

Usage: compdb.py CXX "FLAGS" SOURCE... > compile_commands.json
"""
import json
import os
import shlex
import sys


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    cxx, flags, sources = argv[1], shlex.split(argv[2]), argv[3:]
    top = os.getcwd()
    entries = []
    for src in sources:
        obj = os.path.join("obj", os.path.splitext(src)[0] + ".o")
        entries.append({
            "directory": top,
            "file": os.path.join(top, src),
            "arguments": [cxx] + flags + ["-c", src, "-o", obj],
        })
    json.dump(entries, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
