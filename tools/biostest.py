"""biostest: boot tests of the BIOS chain (mbr -> biosboot -> boot(8) -> /bsd).

tools/check calls check_bios(r) with its Report; alone:

    tools/biostest.py [-k REGEX] [--kernel obj/bsd] [--bootdir obj/boot]

Each test builds a disk image with tools/mkdisk (an /etc/boot.conf in an
extra directory tells boot(8) what to do, as on OpenBSD) and boots it from
the primary IDE disk, the way `make qemu' does:

  bios/ktest	boot.conf "boot /bsd test=all": the in-kernel tests pass,
		as with the GRUB path (QEMU exits through isa-debug-exit)
  bios/mem	the `real mem' and `avail mem' lines of that boot equal
		those of a multiboot (-kernel) boot with the same -m
  bios/single	1 KiB blocks; "boot /bsd -s test=prf_bits": the kernel
		prints `boot flags: 2<SINGLE>'
  bios/biosboot	a /boot padded to 300 KiB on 1 KiB blocks (biosboot must
		follow the double indirect block and load holes as
		zeros): at the prompt, memory above boot(8)'s bss must
		equal the file (QEMU's monitor, pmemsave)
  bios/prompt	boot(8) driven through the serial port: help, ls, machine
		mem, a missing kernel (message, prompt again), then
		`boot -s test=prf_bits', which must pass
  bios/nobsd	no /bsd at all: after the timeout the default boot fails
		with a message and the prompt comes back
  bios/mbr	the mbr's own messages: no active partition, missing
		operating system
  bios/bochs	Bochs (headless: SDL's dummy video driver) boots the same
		chain until the kernel's tests report; Bochs has no
		isa-debug-exit, so the serial log is watched for the
		`ktest: N passed, M failed' line and Bochs is stopped;
		only the tests in BOCHS_MAY_FAIL, which know QEMU's
		machine, may fail

QEMU runs under TCG through testlib (its own process group, a time limit,
the verdict from the exit status).  For the interactive tests COM1 is a
Unix socket chardev whose output QEMU also logs to the usual serial log
file.  Images and logs go to obj/check/bios; logs of failures stay.
"""

import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, TOOLS)
import testlib  # noqa: E402

# What to boot and where things go; tools/check's layout.  The
# environment may say otherwise (a private build directory).
KERNEL = os.environ.get("BIOSTEST_KERNEL", "obj/bsd")
BOOTDIR = os.environ.get("BIOSTEST_BOOTDIR", "obj/boot")
WORKDIR = os.environ.get("BIOSTEST_WORKDIR", "obj/check/bios")
LOGDIR = os.environ.get("BIOSTEST_LOGDIR", "obj/check/logs")
MKDISK = os.path.join(TOOLS, "mkdisk")

MEM = 64			# MiB, for every boot here
BOOTADDR = 0x40000		# where biosboot loads /boot
BIGBOOT = 300 * 1024		# /boot padded to this for bios/biosboot,
BIGBOOT_DATA = 280 * 1024	# data up to here: past 12 + 256 blocks of 1K
KTEST_TIMEOUT = 120		# test=all through the BIOS path
SHORT_TIMEOUT = 60		# a boot with one quick test
PROMPT_TIMEOUT = 30		# a step at the boot> prompt
BOCHS_TIMEOUT = 240
BOCHS_TEST = "all"		# the kernel tests Bochs runs
# In-kernel tests that know QEMU's machine rather than a PC's: Bochs's
# PIIX3 has a USB function at 0:1.2, and its UART ignores loopback mode.
BOCHS_MAY_FAIL = {"pci_scan", "com_rx_interrupt"}
BOCHS = os.environ.get("BOCHS", "bochs")
BOCHS_BIOS = "/usr/share/bochs/BIOS-bochs-latest"
VGA_BIOS = "/usr/share/vgabios/vgabios.bin"

KT_SUMMARY = r"^ktest: (\d+) passed, (\d+) failed"
KT_FAILED = r"^ktest: (\S+) \.\.\. FAILED"

# The -kernel boot's memory lines, by MiB.  tools/check may fill this
# from its own boots (its mem_seen) to save the reference boot here.
mem_ref = {}


class BiosQemu(testlib.Qemu):
	"""QEMU booting a disk image through the BIOS, as `make qemu'.

	With interactive=True, COM1 is a Unix socket (send() writes to it)
	and QEMU logs the guest's output to the serial log all the same.
	"""

	def __init__(self, disk, name, mem=MEM, interactive=False,
	    monitor=False, extra=()):
		super().__init__(iso=disk, mem=mem, name=name, logdir=LOGDIR,
		    extra=extra)
		self.disk = disk
		self.interactive = interactive or monitor
		self.monitor = monitor
		self.sockdir = None
		self.sock = None

	def command(self):
		cmd = [testlib.QEMU] + testlib.BASE_ARGS + ["-m", str(self.mem),
		    "-D", self.qemu_log]
		if self.interactive:
			path = os.path.join(self.sockdir, "com0")
			cmd += ["-chardev", "socket,id=com0,path=%s,server=on,"
			    "wait=off,logfile=%s" % (path, self.serial_log),
			    "-serial", "chardev:com0"]
		else:
			cmd += ["-serial", "file:" + self.serial_log]
		if self.monitor:
			# A second monitor besides BASE_ARGS' "none", for
			# pmemsave.
			cmd += ["-monitor", "unix:%s,server=on,wait=off" %
			    os.path.join(self.sockdir, "mon")]
		cmd += ["-serial", "null", "-drive",
		    "file=%s,format=raw,if=ide,index=0,media=disk" % self.disk]
		return cmd + self.extra

	def start(self):
		if self.interactive:
			# Short: a socket path has a length limit.
			self.sockdir = tempfile.mkdtemp(prefix="bios.")
		super().start()
		if self.interactive:
			path = os.path.join(self.sockdir, "com0")
			deadline = time.monotonic() + 10
			while self.sock is None:
				try:
					s = socket.socket(socket.AF_UNIX)
					s.connect(path)
					self.sock = s
				except OSError:
					s.close()
					if time.monotonic() > deadline or \
					    self.proc.poll() is not None:
						raise
					time.sleep(0.05)
			# What the guest sends must be read, or the socket
			# fills (a byte a write) and the guest's UART stalls;
			# QEMU's logfile already has it.
			threading.Thread(target=self._drain, args=(self.sock,),
			    daemon=True).start()
		return self

	@staticmethod
	def _drain(sock):
		try:
			while sock.recv(4096):
				pass
		except OSError:
			pass

	def send(self, text):
		"""Type text on COM1."""
		self.sock.sendall(text.encode())

	def pmemsave(self, addr, size, path, timeout=10):
		"""Save size bytes of guest physical memory at addr to path,
		through QEMU's monitor.  Returns True once the file is whole."""
		if os.path.exists(path):
			os.remove(path)
		with socket.socket(socket.AF_UNIX) as m:
			m.connect(os.path.join(self.sockdir, "mon"))
			m.settimeout(timeout)
			m.sendall(b"pmemsave %d %d %s\n" % (addr, size,
			    path.encode()))
			deadline = time.monotonic() + timeout
			while time.monotonic() < deadline:
				if os.path.exists(path) and \
				    os.path.getsize(path) == size:
					return True
				time.sleep(0.1)
		return False

	def output(self):
		return testlib.read_text(self.serial_log).replace("\r", "")

	def expect(self, pattern, pos, timeout):
		"""Wait until pattern matches the output after pos.

		=> returns the end of the match, or None on a timeout or when
		   QEMU ended.
		"""
		rx = re.compile(pattern, re.M)
		deadline = time.monotonic() + timeout
		while True:
			m = rx.search(self.output(), pos)
			if m:
				return m.end()
			if time.monotonic() > deadline or \
			    self.proc.poll() is not None:
				return None
			time.sleep(0.1)

	def kill(self):
		super().kill()
		if self.sock is not None:
			self.sock.close()
			self.sock = None
		if self.sockdir is not None:
			shutil.rmtree(self.sockdir, ignore_errors=True)
			self.sockdir = None


def make_disk(name, bootconf=None, kernel=True, bsize=4096, bootdir=None):
	"""A disk image from tools/mkdisk.  Returns (path, error text)."""
	os.makedirs(WORKDIR, exist_ok=True)
	img = os.path.join(WORKDIR, name + ".img")
	extra = os.path.join(WORKDIR, name + ".root")
	shutil.rmtree(extra, ignore_errors=True)
	os.makedirs(os.path.join(extra, "etc"))
	if bootconf is not None:
		with open(os.path.join(extra, "etc", "boot.conf"), "w") as f:
			f.write(bootconf)
	argv = [sys.executable, MKDISK, "-b", str(bsize), "-B",
	    bootdir or BOOTDIR]
	if kernel:
		argv += ["-k", KERNEL]
	argv += [img, extra]
	p = subprocess.run(argv, stdin=subprocess.DEVNULL,
	    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
	shutil.rmtree(extra, ignore_errors=True)
	if p.returncode != 0:
		return None, "mkdisk: " + p.stdout.strip()
	return img, None


def remove(*paths):
	"""Remove what a passing test leaves: logs, images."""
	for p in paths:
		if p is not None and os.path.exists(p):
			os.remove(p)


mem_lines = testlib.mem_lines


def fmt_mem(lines):
	if lines is None:
		return "(none)"
	return "real %d (%dMB), avail %d (%dMB)" % (lines[0] + lines[1])


def boot_disk(r, disk, name, timeout, expect="pass", greps=()):
	"""One non-interactive boot of disk: a testlib.Result."""
	q = BiosQemu(disk, name)
	q.start()
	return q.wait(timeout=r.timeout(timeout), expect=testlib.EXPECT[expect],
	    greps=greps)


def why(res):
	return "%s (%s)" % (res.verdict, res.details())


# ---- the tests ------------------------------------------------------------

def test_ktest(r):
	"""bios/ktest and bios/mem: test=all through the BIOS path."""
	want_kt, want_mem = r.want("bios/ktest"), r.want("bios/mem")
	if not (want_kt or want_mem):
		return
	disk, err = make_disk("ktest", "boot /bsd test=all\n")
	if disk is None:
		for n, w in (("bios/ktest", want_kt), ("bios/mem", want_mem)):
			if w:
				r.fail(n, err)
		return
	res = boot_disk(r, disk, "bios-ktest", KTEST_TIMEOUT,
	    greps=[r"^>> TeachBSD/i386 BOOT", r"^booting hd0a:/bsd: ",
	        KT_SUMMARY])
	good = True
	if want_kt:
		if res.ok:
			r.ok("bios/ktest")
		else:
			good = False
			r.fail("bios/ktest", why(res), res.logs)
	if want_mem:
		got = mem_lines(res.serial)
		ref = mem_ref.get(MEM)
		if ref is None:
			kres = testlib.run(kernel=KERNEL, append="test=all", mem=MEM,
			    timeout=r.timeout(KTEST_TIMEOUT), name="bios-memref",
			    logdir=LOGDIR, keep="always")
			ref = mem_lines(kres.serial) if kres.verdict == "PASS" \
			    else None
			if ref is None:
				r.fail("bios/mem", "-kernel boot to compare with: " +
				    why(kres), kres.logs)
			else:
				mem_ref[MEM] = ref
				kres.discard_logs()
		if ref is not None and got is not None and got == ref:
			r.ok("bios/mem")
		else:
			good = False
			if ref is not None:
				r.fail("bios/mem", "BIOS path: %s; multiboot: %s" %
				    (fmt_mem(got), fmt_mem(ref)), res.logs)
	if good:
		res.discard_logs()
		remove(disk)


def image_end(elf):
	"""The end of boot.elf's image in memory (its bss included)."""
	with open(elf, "rb") as f:
		data = f.read()
	shoff, = struct.unpack_from("<I", data, 32)
	shentsize, shnum = struct.unpack_from("<HH", data, 46)
	end = 0
	for i in range(shnum):
		_, _, flags, addr, _, size = struct.unpack_from("<6I", data,
		    shoff + i * shentsize)
		if flags & 2:			# SHF_ALLOC
			end = max(end, addr + size)
	return end


def padded_bootdir():
	"""BOOTDIR with /boot padded to BIGBOOT bytes: a pattern with no
	zero byte up to BIGBOOT_DATA, then zeros.  Returns (the directory,
	the padded file's contents).

	boot(8) zeroes its bss itself and uses nothing above it, so the pad
	is harmless; on 1 KiB blocks it makes biosboot follow the double
	indirect block, and the zeros make holes (mke2fs leaves a hole for a
	block of zeros) that biosboot must load as zeros.
	"""
	d = os.path.join(WORKDIR, "bigboot")
	os.makedirs(d, exist_ok=True)
	for f in ("mbr", "biosboot"):
		shutil.copyfile(os.path.join(BOOTDIR, f), os.path.join(d, f))
	with open(os.path.join(BOOTDIR, "boot"), "rb") as f:
		boot = f.read()
	pad = bytes(((i >> 10) * 3 + i) % 255 + 1 for i in
	    range(len(boot), BIGBOOT_DATA))
	data = boot + pad + bytes(BIGBOOT - BIGBOOT_DATA)
	with open(os.path.join(d, "boot"), "wb") as f:
		f.write(data)
	return d, data


def test_biosboot(r):
	"""bios/biosboot: biosboot loads every block of a /boot that needs
	its double indirect block and has holes, each to its place."""
	name = "bios/biosboot"
	if not r.want(name):
		return
	elf = os.path.join(BOOTDIR, "boot.elf")
	if not os.path.exists(elf):
		r.fail(name, "no %s" % elf)
		return
	# Above boot(8)'s bss nothing changes after biosboot: compare there.
	start = ((image_end(elf) - BOOTADDR) + 4095) & ~4095
	bootdir, data = padded_bootdir()
	disk, err = make_disk("biosboot", "set timeout 60\n", bsize=1024,
	    bootdir=bootdir)
	if disk is None:
		r.fail(name, err)
		return
	dump = os.path.join(WORKDIR, "biosboot.mem")
	q = BiosQemu(disk, "bios-biosboot", monitor=True)
	problem = None
	try:
		q.start()
		if q.expect(r"^boot> $", 0, r.timeout(PROMPT_TIMEOUT)) is None:
			problem = "no boot> prompt"
		elif not q.pmemsave(BOOTADDR + start, BIGBOOT - start, dump):
			problem = "pmemsave failed"
		else:
			with open(dump, "rb") as f:
				mem = f.read()
			if mem != data[start:]:
				bad = next(i for i in range(len(mem))
				    if mem[i] != data[start + i])
				problem = "/boot byte 0x%x is 0x%02x in memory, " \
				    "0x%02x in the file" % (start + bad, mem[bad],
				    data[start + bad])
	finally:
		q.kill()
	if problem is None:
		r.ok(name)
		remove(q.serial_log, q.qemu_log, q.stderr_log, dump, disk)
		shutil.rmtree(bootdir, ignore_errors=True)
	else:
		r.fail(name, problem, [q.serial_log])


def test_single(r):
	"""bios/single: boot -s from boot.conf, on 1 KiB blocks."""
	if not r.want("bios/single"):
		return
	disk, err = make_disk("single", "boot /bsd -s test=prf_bits\n",
	    bsize=1024)
	if disk is None:
		r.fail("bios/single", err)
		return
	res = boot_disk(r, disk, "bios-single", SHORT_TIMEOUT,
	    greps=[r"^boot flags: 2<SINGLE>", r"^ktest: prf_bits \.\.\. ok"])
	if res.ok:
		r.ok("bios/single")
		res.discard_logs()
		remove(disk)
	else:
		r.fail("bios/single", why(res), res.logs)


def dialogue(q, steps, pos=0):
	"""Type each (text, [patterns]) step and wait for its patterns in
	order.  Returns None, or what went wrong."""
	for text, patterns in steps:
		if text is not None:
			q.send(text)
		for pat in patterns:
			end = q.expect(pat, pos, PROMPT_TIMEOUT)
			if end is None:
				return "after %r: no /%s/" % (text, pat)
			pos = end
	return None


def test_prompt(r):
	"""bios/prompt: drive boot(8) through the serial port."""
	if not r.want("bios/prompt"):
		return
	disk, err = make_disk("prompt", "set timeout 30\n")
	if disk is None:
		r.fail("bios/prompt", err)
		return
	q = BiosQemu(disk, "bios-prompt", interactive=True)
	try:
		q.start()
		problem = dialogue(q, [
		    (None, [r"^boot> set timeout 30$", r"^boot> $"]),
		    ("help\r", [r"^commands: boot echo help ls machine reboot set",
			r"^boot> $"]),
		    ("ls /\r", [r"^ -rwxr-xr-x 0,0\t\d+\tbsd$",
			r"^ drwxr-xr-x 0,0\t\d+\tdev$", r"^boot> $"]),
		    ("ls /dev\r", [r"^ crw------- 0,0\t0\tconsole$",
			r"^ brw-r----- 0,0\t0\twd0a$", r"^boot> $"]),
		    ("machine mem\r", [r"^Region 0: type 1 at 0x0 for 6\d\dKB$",
			r"^Total free memory: \d+KB$", r"^boot> $"]),
		    ("boot /nosuch\r", [r"^booting hd0a:/nosuch: No such file "
			r"or directory$", r"^failed\(2\)\.", r"^boot> $"]),
		    ("boot -s test=prf_bits\r", [r"^booting hd0a:/bsd: ",
			r"^boot flags: 2<SINGLE>"]),
		])
		if problem is not None:
			q.kill()
		res = q.wait(timeout=r.timeout(SHORT_TIMEOUT + 60),
		    greps=[r"^ktest: prf_bits \.\.\. ok"])
	finally:
		q.kill()
	if problem is None and res.ok:
		r.ok("bios/prompt")
		res.discard_logs()
		remove(disk)
	else:
		r.fail("bios/prompt", problem or why(res), res.logs)


def test_nobsd(r):
	"""bios/nobsd: no kernel on the disk: a message, the prompt again."""
	if not r.want("bios/nobsd"):
		return
	disk, err = make_disk("nobsd", "set timeout 1\n", kernel=False)
	if disk is None:
		r.fail("bios/nobsd", err)
		return
	q = BiosQemu(disk, "bios-nobsd", interactive=True)
	try:
		q.start()
		problem = dialogue(q, [
		    (None, [r"^booting hd0a:/bsd: No such file or directory$",
			r"^failed\(2\)\.", r"^boot> $"]),
		    ("echo still here\r", [r"^still here$", r"^boot> $"]),
		])
	finally:
		q.kill()
		serial = q.output()
	if problem is None:
		r.ok("bios/nobsd")
		remove(q.serial_log, q.qemu_log, q.stderr_log, disk)
	else:
		last = serial.strip().splitlines()[-1:] or ["(nothing)"]
		r.fail("bios/nobsd", "%s; console ends: %s" % (problem, last[0]),
		    [q.serial_log])


def test_mbr(r):
	"""bios/mbr: the mbr says what is wrong with a disk."""
	if not r.want("bios/mbr"):
		return
	disk, err = make_disk("mbr", None, kernel=False)
	if disk is None:
		r.fail("bios/mbr", err)
		return
	cases = [
	    # (what to break, offset, bytes, expected message)
	    ("no active partition", 446, b"\x00", r"^No active partition$"),
	    ("no signature", 2048 * 512 + 510, b"\x00\x00",
		r"^Missing operating system$"),
	]
	for what, off, data, pat in cases:
		bad = os.path.join(WORKDIR, "mbr-bad.img")
		shutil.copyfile(disk, bad)
		with open(bad, "r+b") as f:
			f.seek(off)
			f.write(data)
		q = BiosQemu(bad, "bios-mbr")
		q.start()
		try:
			end = q.expect(pat, 0, r.timeout(SHORT_TIMEOUT))
		finally:
			q.kill()
		if end is None:
			r.fail("bios/mbr", "%s: no /%s/" % (what, pat),
			    [q.serial_log])
			return
	remove(q.serial_log, q.qemu_log, q.stderr_log, disk, bad)
	r.ok("bios/mbr")


def bochs_config(disk, serial, log):
	"""A bochsrc that boots disk headless, COM1 into serial."""
	return "\n".join([
	    "megs: %d" % MEM,
	    "romimage: file=%s" % BOCHS_BIOS,
	    "vgaromimage: file=%s" % VGA_BIOS,
	    # Debian's Bochs has no "nogui"; SDL with its dummy video driver
	    # (SDL_VIDEODRIVER=dummy) shows nothing.
	    "display_library: sdl2",
	    "ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14",
	    "ata0-master: type=disk, path=%s, mode=flat" % disk,
	    "boot: disk",
	    "com1: enabled=1, mode=file, dev=%s" % serial,
	    "com2: enabled=1, mode=null",
	    "speaker: enabled=0",
	    "sound: waveoutdrv=dummy, waveindrv=dummy, midioutdrv=dummy",
	    "clock: sync=none, time0=local",
	    "cpu: count=1, ips=50000000",
	    "log: %s" % log,
	    "panic: action=fatal",
	    "error: action=report",
	    "info: action=ignore",
	    "debug: action=ignore",
	    "",
	])


def test_bochs(r):
	"""bios/bochs: the chain under Bochs, until the kernel's tests end."""
	name = "bios/bochs"
	if not r.want(name):
		return
	if shutil.which(BOCHS) is None:
		r.fail(name, "no %s (Debian packages bochs, bochsbios, vgabios, "
		    "bochs-sdl)" % BOCHS)
		return
	disk, err = make_disk("bochs", "boot /bsd test=%s\n" % BOCHS_TEST)
	if disk is None:
		r.fail(name, err)
		return
	os.makedirs(LOGDIR, exist_ok=True)
	serial = os.path.join(LOGDIR, "bios-bochs.serial.log")
	log = os.path.join(LOGDIR, "bios-bochs.bochs.log")
	out = os.path.join(LOGDIR, "bios-bochs.stdout.log")
	rc = os.path.join(WORKDIR, "bochsrc")
	dbg = os.path.join(WORKDIR, "bochs.dbg")
	for p in (serial, log, out):
		if os.path.exists(p):
			os.remove(p)
	with open(rc, "w") as f:
		f.write(bochs_config(disk, serial, log))
	# Debian builds Bochs with its debugger, which stops before the
	# first instruction: its command file says continue.
	with open(dbg, "w") as f:
		f.write("continue\nquit\n")
	env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
	testlib.terminate_on_sigterm()
	with open(out, "wb") as o:
		p = subprocess.Popen([BOCHS, "-q", "-unlock", "-f", rc, "-rc",
		    dbg],
		    stdin=subprocess.DEVNULL, stdout=o, stderr=subprocess.STDOUT,
		    env=env, start_new_session=True)
	rx = re.compile(KT_SUMMARY, re.M)
	deadline = time.monotonic() + r.timeout(BOCHS_TIMEOUT)
	m = None
	try:
		while time.monotonic() < deadline and p.poll() is None:
			m = rx.search(testlib.read_text(serial))
			if m:
				break
			time.sleep(0.5)
	finally:
		testlib.kill_group(p)	# SIGTERM first: Bochs flushes its files
	text = testlib.read_text(serial).replace("\r", "")
	m = re.search(KT_SUMMARY, text, re.M)
	if m is None:
		last = text.strip().splitlines()[-1:] or ["(nothing)"]
		r.fail(name, "no `ktest: N passed' line in %ds (Bochs %s); "
		    "console ends: %s" % (r.timeout(BOCHS_TIMEOUT),
		    "exited %d" % p.returncode if p.returncode is not None and
		    p.returncode >= 0 else "stopped", last[0]),
		    [serial, log, out])
		return
	failed = set(re.findall(KT_FAILED, text, re.M)) - BOCHS_MAY_FAIL
	if failed or not re.search(r"^>> TeachBSD/i386 BOOT", text, re.M) or \
	    not re.search(testlib.REAL_MEM, text, re.M):
		r.fail(name, "%s (failed: %s)" % (m.group(0),
		    ", ".join(sorted(failed)) or "none"), [serial, log, out])
		return
	r.ok(name)
	remove(serial, log, out, disk, rc, dbg)


def check_bios(r):
	"""The BIOS boot chain's tests, for tools/check (see the docstring)."""
	missing = [f for f in (KERNEL, os.path.join(BOOTDIR, "mbr"),
	    os.path.join(BOOTDIR, "biosboot"), os.path.join(BOOTDIR, "boot"))
	    if not os.path.exists(f)]
	if missing:
		if r.want("bios"):
			r.fail("bios", "missing %s (make; make boot)" %
			    ", ".join(missing))
		return
	for test in (test_ktest, test_single, test_biosboot, test_prompt,
	    test_nobsd, test_mbr, test_bochs):
		test(r)


class Report:
	"""tools/check's Report, for running this file alone."""

	def __init__(self, patterns, scale=1.0):
		self.patterns = [re.compile(p) for p in patterns]
		self.scale = scale
		self.passed = 0
		self.failed = 0

	def want(self, name):
		return not self.patterns or \
		    any(p.search(name) for p in self.patterns)

	def ok(self, name):
		self.passed += 1
		print("PASS %s" % name, flush=True)

	def fail(self, name, reason, logs=()):
		self.failed += 1
		logs = [p for p in logs if os.path.exists(p)]
		print("FAIL %s: %s%s" % (name, reason, " (log: %s)" %
		    " ".join(logs) if logs else ""), flush=True)

	def timeout(self, seconds):
		return seconds * self.scale


def main(argv):
	import argparse
	global KERNEL, BOOTDIR
	ap = argparse.ArgumentParser(prog="biostest",
	    description="Boot tests of the BIOS chain.")
	ap.add_argument("-k", action="append", default=[], metavar="REGEX",
	    help="only tests whose name (bios/...) matches")
	ap.add_argument("--kernel", default=KERNEL)
	ap.add_argument("--bootdir", default=BOOTDIR)
	ap.add_argument("--timeout-scale", type=float, default=1.0)
	args = ap.parse_args(argv)
	KERNEL, BOOTDIR = args.kernel, args.bootdir
	os.chdir(os.path.dirname(TOOLS))
	r = Report(args.k, args.timeout_scale)
	check_bios(r)
	print("%d passed, %d failed" % (r.passed, r.failed), flush=True)
	return 1 if r.failed or r.passed == 0 else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
