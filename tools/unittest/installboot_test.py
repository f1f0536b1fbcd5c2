#!/usr/bin/env python3
"""installboot_test.py: host tests of tools/installboot and tools/mkdisk.

Assembles boot/mbr and boot/biosboot with NASM, builds disk images with
tools/mkdisk (1, 2 and 4 KiB blocks; a stand-in for boot(8), no kernel),
and checks what landed where: the MBR code and partition table, biosboot
in the partition's first two sectors with its four fields patched, and
those fields against what e2fsprogs' debugfs says about /boot ("imap",
"stats"), the device nodes, and a clean e2fsck.  Also that installboot
refuses what biosboot could not load.  Run by ctest from the top of the
repository (tools/unittest/libsa.cmake), or by hand:

    python3 tools/unittest/installboot_test.py -v
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
TOOLS = os.path.join(REPO, "tools")
ENV = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")
SECTOR = 512
PART_START = 2048
FIELDS_OFF = 11


def run(argv, check=True):
	p = subprocess.run(argv, stdin=subprocess.DEVNULL, env=ENV,
	    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
	if check and p.returncode != 0:
		raise AssertionError("%s: exit %d\n%s" % (" ".join(argv),
		    p.returncode, p.stdout))
	return p


class InstallbootTest(unittest.TestCase):

	@classmethod
	def setUpClass(cls):
		cls.tmp = tempfile.mkdtemp(prefix="installboot_test.")
		cls.bootdir = os.path.join(cls.tmp, "boot")
		os.makedirs(cls.bootdir)
		for name, src in (("mbr", "boot/mbr/mbr.asm"),
		    ("biosboot", "boot/biosboot/biosboot.asm")):
			run(["nasm", "-f", "bin", "-o",
			    os.path.join(cls.bootdir, name),
			    os.path.join(REPO, src)])
		# A stand-in for boot(8): 40 KiB of a pattern.
		cls.boot = bytes((i * 7 + 3) & 0xff for i in range(40000))
		with open(os.path.join(cls.bootdir, "boot"), "wb") as f:
			f.write(cls.boot)
		with open(os.path.join(cls.bootdir, "mbr"), "rb") as f:
			cls.mbr = f.read()
		with open(os.path.join(cls.bootdir, "biosboot"), "rb") as f:
			cls.biosboot = f.read()
		# Extra files, so that /boot is not the first inode made.
		cls.extra = os.path.join(cls.tmp, "extra")
		os.makedirs(os.path.join(cls.extra, "sbin"))
		os.makedirs(os.path.join(cls.extra, "etc"))
		for i in range(40):
			with open(os.path.join(cls.extra, "sbin", "p%d" % i),
			    "w") as f:
				f.write("x" * (i * 100))
		with open(os.path.join(cls.extra, "etc", "boot.conf"), "w") as f:
			f.write("boot /bsd -s\n")

	@classmethod
	def tearDownClass(cls):
		shutil.rmtree(cls.tmp)

	def mkdisk(self, bsize, name, extra=None, size=8):
		img = os.path.join(self.tmp, name)
		run([sys.executable, os.path.join(TOOLS, "mkdisk"), "-s",
		    str(size), "-b", str(bsize), "-B", self.bootdir, img,
		    extra or self.extra])
		return img

	def partition(self, img, name):
		"""The file system of img, alone in a file (for debugfs)."""
		part = os.path.join(self.tmp, name)
		with open(img, "rb") as f, open(part, "wb") as out:
			f.seek(PART_START * SECTOR)
			shutil.copyfileobj(f, out)
		return part

	def debugfs(self, part, request):
		return run(["debugfs", "-R", request, part]).stdout

	def test_fields_match_debugfs(self):
		for bsize in (1024, 2048, 4096):
			with self.subTest(bsize=bsize):
				self.check_image(bsize)

	def check_image(self, bsize):
		img = self.mkdisk(bsize, "disk%d.img" % bsize)
		with open(img, "rb") as f:
			disk = f.read()
		self.assertEqual(len(disk), 8 << 20)

		# Sector 0: our code, then one active 0x83 partition at 2048.
		self.assertEqual(disk[:440], self.mbr[:440])
		self.assertEqual(disk[510:512], b"\x55\xaa")
		e = disk[446:462]
		self.assertEqual(e[0], 0x80)
		self.assertEqual(e[4], 0x83)
		lba, nsect = struct.unpack_from("<II", e, 8)
		self.assertEqual(lba, PART_START)
		self.assertEqual(lba + nsect, len(disk) // SECTOR)
		self.assertEqual(disk[462:510], bytes(48))

		# The partition's first 1024 bytes: biosboot, patched.
		bb = disk[PART_START * SECTOR:PART_START * SECTOR + 1024]
		self.assertEqual(bb[:FIELDS_OFF], self.biosboot[:FIELDS_OFF])
		self.assertEqual(bb[FIELDS_OFF + 16:],
		    self.biosboot[FIELDS_OFF + 16:])
		poffset, inodeblk, inodeoff, bs = struct.unpack_from("<4I", bb,
		    FIELDS_OFF)

		# installboot -r reads the same back.
		out = run([os.path.join(TOOLS, "installboot"), "-r",
		    img]).stdout
		got = dict((k, int(v)) for k, v in
		    (l.split() for l in out.splitlines()))
		self.assertEqual(got, {"poffset": poffset, "inodeblk": inodeblk,
		    "inodeoff": inodeoff, "bsize": bs})

		# What e2fsprogs says.
		part = self.partition(img, "part%d.img" % bsize)
		run(["e2fsck", "-fn", part])
		stats = self.debugfs(part, "stats")
		m = re.search(r"^Block size:\s+(\d+)", stats, re.M)
		self.assertEqual(int(m.group(1)), bsize)
		imap = self.debugfs(part, "imap /boot")
		m = re.search(r"located at block (\d+), offset (0x[0-9a-f]+)",
		    imap)
		self.assertIsNotNone(m, imap)
		self.assertEqual(poffset, PART_START)
		self.assertEqual(inodeblk, int(m.group(1)))
		self.assertEqual(inodeoff, int(m.group(2), 16))
		self.assertEqual(bs, bsize)
		# /boot's contents are what we gave.
		dump = os.path.join(self.tmp, "boot.out")
		self.debugfs(part, "dump /boot %s" % dump)
		with open(dump, "rb") as f:
			self.assertEqual(f.read(), self.boot)

		# The device nodes and the owners.
		for name, t, major, minor in (("console", "character", 0, 0),
		    ("null", "character", 2, 2), ("zero", "character", 2, 12),
		    ("tty00", "character", 8, 0), ("wd0a", "block", 0, 0),
		    ("wd0c", "block", 0, 2), ("rd0a", "block", 17, 0)):
			st = self.debugfs(part, "stat /dev/" + name)
			self.assertIn("Type: %s" % t, st)
			self.assertRegex(st, r"Device major/minor number: "
			    r"0*%d:0*%d " % (major, minor))
			self.assertRegex(st, r"User:\s+0\s+Group:\s+0")
		st = self.debugfs(part, "stat /sbin/p3")
		self.assertRegex(st, r"User:\s+0\s+Group:\s+0")
		self.assertIn("Size: 300", st)

	def test_keeps_disk_signature_and_table(self):
		img = self.mkdisk(4096, "sig.img")
		with open(img, "r+b") as f:
			f.seek(440)
			f.write(b"\xde\xad\xbe\xef\x00\x00")
			f.seek(0)
			before = f.read(SECTOR)
		run([os.path.join(TOOLS, "installboot"), img,
		    os.path.join(self.bootdir, "mbr"),
		    os.path.join(self.bootdir, "biosboot")])
		with open(img, "rb") as f:
			after = f.read(SECTOR)
		self.assertEqual(after[440:], before[440:])
		self.assertEqual(after[:440], self.mbr[:440])

	def test_refuses(self):
		img = self.mkdisk(4096, "refuse.img")
		ib = os.path.join(TOOLS, "installboot")
		mbr = os.path.join(self.bootdir, "mbr")
		bb = os.path.join(self.bootdir, "biosboot")
		# An unused partition.
		p = run([ib, "-p", "1", img, mbr, bb], check=False)
		self.assertEqual(p.returncode, 1)
		self.assertIn("unused", p.stdout)
		# A file that is not there.
		p = run([ib, "-f", "/nonexistent", img, mbr, bb], check=False)
		self.assertEqual(p.returncode, 1)
		# A directory.
		p = run([ib, "-f", "/etc", img, mbr, bb], check=False)
		self.assertEqual(p.returncode, 1)
		# Not a biosboot.
		p = run([ib, img, mbr, mbr], check=False)
		self.assertEqual(p.returncode, 1)
		# A /boot too big for biosboot's window: mkdisk fails with it.
		big = os.path.join(self.tmp, "bigextra")
		os.makedirs(big, exist_ok=True)
		with open(os.path.join(big, "boot"), "wb") as f:
			f.write(b"\1" * (0x50000 + 1))
		p = run([sys.executable, os.path.join(TOOLS, "mkdisk"), "-s",
		    "8", "-B", self.bootdir, os.path.join(self.tmp, "big.img"),
		    big], check=False)
		self.assertEqual(p.returncode, 1)
		self.assertIn("biosboot loads 1 to", p.stdout)
		self.assertFalse(os.path.exists(os.path.join(self.tmp,
		    "big.img")))


if __name__ == "__main__":
	unittest.main()
