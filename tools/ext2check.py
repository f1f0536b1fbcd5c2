#!/usr/bin/env python3
"""ext2check: check on the host what the in-kernel ext2 tests wrote.

    tools/ext2check.py IMAGE [TEST ...]

IMAGE is the disk the kernel ran on: either a bare ext2 file system or a
disk with an MBR whose first Linux (0x83) partition holds it (as
tools/mkdisk makes).  ufs/ext2fs/ext2fs_test.cc writes under /ext2test,
one directory per test; TEST names the tests to check (write, names,
truncate, errors; default: all).  The checks:

  - `e2fsck -fn' exits 0: the kernel left the file system consistent
    (bitmaps, free counts, link counts, directory entries, i_blocks);
  - debugfs shows what the kernel wrote: file contents (the pattern of
    ext2test_byte, computed here too), sizes, link counts, symbolic link
    targets, where renamed files and directories ended up, `..' of a
    moved directory, and that removed names are gone.

Prints one line per check that fails and a summary; exits 0 if all
passed, 1 otherwise.  Python 3 standard library and e2fsprogs.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

SECTOR = 512
# The slow symbolic link's target in ext2fs_test.cc (75 bytes).
SLOWLINK = (b"dir/./././././././././././"
    b"./././././././././././././././././././././../file")


def tool(name):
	for d in ("/sbin", "/usr/sbin", "/usr/bin", "/bin"):
		p = os.path.join(d, name)
		if os.access(p, os.X_OK):
			return p
	return name


def pattern(offset, n, seed):
	"""Bytes offset .. offset+n of a file written with this seed."""
	return bytes(((((i * 2654435761) & 0xffffffff) >> 13) + seed) & 0xff
	    for i in range(offset, offset + n))


def partition(image):
	"""(offset, size) of the ext2 file system in image, in bytes."""
	with open(image, "rb") as f:
		mbr = f.read(SECTOR)
		f.seek(1024 + 56)
		magic = f.read(2)
	if magic == b"\x53\xef":
		return 0, os.path.getsize(image)
	if len(mbr) == SECTOR and mbr[510:512] == b"\x55\xaa":
		for i in range(4):
			e = mbr[446 + 16 * i: 446 + 16 * (i + 1)]
			ptype = e[4]
			start, count = struct.unpack("<II", e[8:16])
			if ptype == 0x83 and count > 0:
				return start * SECTOR, count * SECTOR
	raise SystemExit("ext2check: %s holds no ext2 file system" % image)


def fsck_image(image, log, tmpdir):
	"""e2fsck -fn on the ext2 file system in image (whole, or its
	partition, copied out into tmpdir first); its output is appended to
	log.  => True if e2fsck found it clean (exit 0)."""
	offset, size = partition(image)
	with tempfile.TemporaryDirectory(dir=tmpdir) as tmp:
		fs = image
		if offset:
			fs = os.path.join(tmp, "fs.img")
			with open(image, "rb") as src, open(fs, "wb") as dst:
				src.seek(offset)
				left = size
				while left > 0:
					buf = src.read(min(left, 1 << 20))
					if not buf:
						break
					dst.write(buf)
					left -= len(buf)
		with open(log, "ab") as f:
			try:
				return subprocess.run([tool("e2fsck"), "-fn", fs],
				    stdin=subprocess.DEVNULL, stdout=f,
				    stderr=subprocess.STDOUT,
				    timeout=300).returncode == 0
			except (OSError, subprocess.TimeoutExpired) as e:
				f.write(("fsck_image: %s\n" % e).encode())
				return False


class Checker:
	def __init__(self, fsimage):
		self.fs = fsimage
		self.failures = 0
		self.checks = 0

	def fail(self, what):
		self.failures += 1
		print("ext2check: FAIL: %s" % what)

	def ok(self, cond, what):
		self.checks += 1
		if not cond:
			self.fail(what)
		return cond

	def debugfs(self, req, binary=False):
		r = subprocess.run([tool("debugfs"), "-R", req, self.fs],
		    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
		return r.stdout if binary else r.stdout.decode("latin-1")

	def cat(self, path):
		return self.debugfs("cat %s" % path, binary=True)

	def stat(self, path):
		"""Inode number, type, links, size of path; None if absent."""
		out = self.debugfs("stat %s" % path)
		m = re.search(r"Inode: (\d+)\s+Type: (\S+).*?Links: (\d+)", out,
		    re.S)
		s = re.search(r"Size: (\d+)", out)
		if not m or not s:
			return None
		return {"ino": int(m.group(1)), "type": m.group(2),
		    "links": int(m.group(3)), "size": int(s.group(1)),
		    "text": out}

	def entries(self, path):
		"""name -> inode number of directory path (debugfs ls -p)."""
		res = {}
		for line in self.debugfs("ls -p %s" % path).splitlines():
			f = line.split("/")
			if len(f) >= 7 and f[1].isdigit():
				res[f[5]] = int(f[1])
		return res

	def file_is(self, path, data):
		got = self.cat(path)
		self.ok(got == data, "%s: %d bytes read, want %d%s" % (path,
		    len(got), len(data), "" if len(got) != len(data) else
		    " (contents differ)"))

	def fsck(self):
		r = subprocess.run([tool("e2fsck"), "-fn", self.fs],
		    stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
		if not self.ok(r.returncode == 0, "e2fsck -fn exited %d" %
		    r.returncode):
			sys.stdout.write(r.stdout.decode("latin-1"))

	def bsize(self):
		out = subprocess.run([tool("dumpe2fs"), "-h", self.fs],
		    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
		m = re.search(rb"Block size:\s+(\d+)", out)
		return int(m.group(1)) if m else 0

	# One method per in-kernel test; each first checks its directory.
	def present(self, d):
		st = self.stat(d)
		return self.ok(st is not None and st["type"] == "directory",
		    "%s missing: did its test run?" % d)

	def check_write(self):
		d = "/ext2test/write"
		if not self.present(d):
			return
		bs = self.bsize()
		n = bs // 4
		self.file_is(d + "/small", b"hello from the kernel\n")
		big = bs * (12 + n + 2) + 100
		self.file_is(d + "/big", pattern(0, big, 1))
		single = bs * 12
		self.file_is(d + "/holes", bytes(single - 10) +
		    pattern(0, 20, 2))
		triple = bs * (12 + n + n * n) + 5
		st = self.stat(d + "/sparse")
		if self.ok(st is not None, d + "/sparse missing"):
			self.ok(st["size"] == triple + 1000,
			    "sparse: size %d, want %d" % (st["size"],
			    triple + 1000))
		# cat would read GiBs of zeros with 4 KiB blocks: read the
		# written blocks where bmap says they are.
		got = b""
		for lbn in range(triple // bs, (triple + 999) // bs + 1):
			out = self.debugfs("bmap %s %d" % (d + "/sparse", lbn))
			m = re.search(r"^(\d+)\s*$", out, re.M)
			if not self.ok(m and int(m.group(1)) > 0,
			    "sparse: block %d not mapped" % lbn):
				return
			with open(self.fs, "rb") as f:
				f.seek(int(m.group(1)) * bs)
				got += f.read(bs)
		start = triple % bs
		self.ok(got[start:start + 1000] == pattern(0, 1000, 3),
		    "sparse: the data in the triple indirect range differs")
		blocks = self.debugfs("blocks %s" % (d + "/sparse")).split()
		self.ok(len(blocks) <= 5, "sparse: %d blocks, data and "
		    "indirect" % len(blocks))

	def check_names(self):
		d = "/ext2test/names"
		if not self.present(d):
			return
		f = self.stat(d + "/file")
		h = self.stat(d + "/dir/hardlink")
		if self.ok(f and h, "file or dir/hardlink missing"):
			self.ok(f["ino"] == h["ino"] and f["links"] == 2,
			    "hard link: inodes %d, %d, links %d" % (f["ino"],
			    h["ino"], f["links"]))
		self.file_is(d + "/file", pattern(0, 100, 5))
		fast = self.stat(d + "/fast")
		self.ok(fast and "Fast link dest: \"file\"" in fast["text"],
		    "fast symlink to \"file\"")
		slow = self.stat(d + "/slow")
		self.ok(slow and slow["size"] == 75 and
		    "Fast link" not in slow["text"], "slow symlink of 75 bytes")
		self.file_is(d + "/slow", SLOWLINK)
		ents = self.entries(d)
		moved = self.entries(d + "/moved")
		self.ok("moved" in ents and moved.get("..") == ents.get("."),
		    "moved: `..' is %s, want %s" % (moved.get(".."),
		    ents.get(".")))
		self.ok("sub" not in self.entries(d + "/dir"),
		    "dir/sub still there after the rename")
		self.file_is(d + "/moved/inner", pattern(0, 3000, 4))
		self.file_is(d + "/victim", pattern(0, 200, 6))
		for gone in ("tmp", "renamed", "gone", "gonedir"):
			self.ok(gone not in ents, "%s/%s still there" % (d, gone))
		dirst = self.stat(d + "/dir")
		self.ok(dirst and dirst["links"] == 2, "dir: links %s, want 2" %
		    (dirst and dirst["links"]))

	def check_truncate(self):
		d = "/ext2test/trunc"
		if not self.present(d):
			return
		bs = self.bsize()
		self.file_is(d + "/t", pattern(0, bs * 5 + 100, 8) +
		    bytes(bs - 100))
		st = self.stat(d + "/t")
		self.ok(st and "Blockcount: %d" % (bs * 6 // 512) in st["text"],
		    "t: holds %d blocks of 512" % (bs * 6 // 512))

	def check_errors(self):
		d = "/ext2test/errors"
		if not self.present(d):
			return
		ents = self.entries(d)
		self.ok(set(ents) == {".", "..", "d"}, "errors: entries %s" %
		    sorted(ents))
		self.ok(set(self.entries(d + "/d")) == {".", "..", "f"},
		    "errors/d: entries changed")


TESTS = ("write", "names", "truncate", "errors")


def main(argv):
	if len(argv) < 2 or argv[1] in ("-h", "--help"):
		print(__doc__)
		return 0 if len(argv) >= 2 else 1
	image = argv[1]
	tests = argv[2:] or list(TESTS)
	for t in tests:
		if t not in TESTS:
			print("ext2check: no test %r (%s)" % (t, ", ".join(TESTS)))
			return 1
	offset, size = partition(image)
	with tempfile.TemporaryDirectory() as tmp:
		fsimage = image
		if offset != 0:
			fsimage = os.path.join(tmp, "fs.img")
			with open(image, "rb") as src, open(fsimage, "wb") as dst:
				src.seek(offset)
				left = size
				while left > 0:
					buf = src.read(min(left, 1 << 20))
					if not buf:
						break
					dst.write(buf)
					left -= len(buf)
		c = Checker(fsimage)
		c.fsck()
		for t in tests:
			getattr(c, "check_" + t)()
	print("ext2check: %d checks, %d failed" % (c.checks, c.failures))
	return 1 if c.failures else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
