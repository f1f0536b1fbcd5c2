"""testlib: one bounded QEMU run of the kernel, and the verdict it ended with.

Shared by tools/qemu-run (the command line) and tools/check (the whole
suite).  The kernel's side of the protocol:

  - QEMU has an isa-debug-exit device at I/O port 0xf4.  When the kernel
    writes byte B there, QEMU exits with status (B << 1) | 1:
	0x10 -> 33  all tests passed	PASS
	0x11 -> 35  a test failed	FAIL
	0x12 -> 37  kernel panic	PANIC
  - With -no-reboot a triple fault (the CPU resets itself) makes QEMU exit
    with status 0, and -d cpu_reset -D LOG makes it write "Triple fault" in
    LOG first: status 0 plus that line is a TRIPLE FAULT.
  - A run that outlives its time limit is a TIMEOUT; we kill the QEMU we
    started (its own process group, nothing else).  Any other status is an
    ERROR.
  - COM1 is the console.  It goes to a file, the serial log, which is what
    the --grep patterns and tools/check read.

Python 3 standard library only.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time

QEMU = os.environ.get("QEMU", "qemu-system-i386")

# Exit status of QEMU -> verdict.  Status 0 is TRIPLE FAULT or ERROR
# depending on QEMU's -D log; see verdict().
EXIT_VERDICTS = {33: "PASS", 35: "FAIL", 37: "PANIC"}

# --expect words -> verdicts.
EXPECT = {
	"pass": "PASS",
	"fail": "FAIL",
	"panic": "PANIC",
	"triple": "TRIPLE FAULT",
	"timeout": "TIMEOUT",
}

# What every run gets.  -nodefaults drops the NIC, floppy, parallel port
# and default serial/monitor; we add back a VGA card (the kernel writes to
# its memory), COM1 (below) and the exit device.
BASE_ARGS = [
	"-nodefaults", "-machine", "pc", "-vga", "std", "-display", "none",
	"-monitor", "none", "-no-reboot",
	"-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
	"-d", "cpu_reset",
]


def free_port():
	"""Return a TCP port on 127.0.0.1 that is free right now.

	=> the kernel picks it (bind to port 0); there is a short window in
	   which another program could take it, so callers retry on failure.
	"""
	with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def wait_listening(port, timeout=10.0, proc=None):
	"""Wait until something listens on 127.0.0.1:port (Linux /proc/net/tcp).

	We look instead of connecting: a probe connection would be a gdb
	client as far as QEMU's stub is concerned.
	=> returns True once listening, False on timeout or if proc exited.
	"""
	want = ":%04X" % port
	deadline = time.monotonic() + timeout
	while time.monotonic() < deadline:
		if proc is not None and proc.poll() is not None:
			return False
		try:
			with open("/proc/net/tcp") as f:
				rows = [l.split() for l in f.readlines()[1:]]
			# Columns: sl, local address, remote address, state
			# (0A is LISTEN).
			if any(r[1].endswith(want) and r[3] == "0A"
			    for r in rows):
				return True
		except OSError:
			time.sleep(1.0)		# No /proc: give QEMU a moment.
			return proc is None or proc.poll() is None
		time.sleep(0.05)
	return False


def safe_name(name):
	"""A run name made fit for a file name."""
	name = re.sub(r"[^A-Za-z0-9_.+-]+", "_", name).strip("_")
	return name or "run"


def kill_group(proc, grace=3.0):
	"""End proc and its process group (started with start_new_session).

	=> only ever the group whose leader we started, by its id.
	"""
	if proc.poll() is not None:
		return
	for sig in (signal.SIGTERM, signal.SIGKILL):
		try:
			os.killpg(proc.pid, sig)
		except ProcessLookupError:
			return
		try:
			proc.wait(timeout=grace)
			return
		except subprocess.TimeoutExpired:
			pass


def terminate_on_sigterm():
	"""Turn SIGTERM (make being interrupted) into SystemExit so that the
	finally clauses kill the QEMU (or other child) we started."""
	def handler(signum, frame):
		raise SystemExit(128 + signum)
	if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
		signal.signal(signal.SIGTERM, handler)


class Result:
	"""What one run ended with.

	verdict	  PASS, FAIL, PANIC, TRIPLE FAULT, TIMEOUT or ERROR
	status	  QEMU's exit status (None on TIMEOUT)
	serial	  the serial console output, as text with \\r removed
	missing	  the --grep patterns that did not match
	ok	  verdict == expected and nothing missing
	logs	  [serial log, QEMU -D log, QEMU stderr] paths that exist
	"""

	def __init__(self, name, expect):
		self.name = name
		self.expect = expect
		self.verdict = "ERROR"
		self.status = None
		self.serial = ""
		self.missing = []
		self.elapsed = 0.0
		self.stderr = ""
		self.paths = []

	@property
	def ok(self):
		return self.verdict == self.expect and not self.missing

	@property
	def logs(self):
		return [p for p in self.paths if os.path.exists(p)]

	def discard_logs(self):
		for p in self.paths:
			try:
				os.remove(p)
			except OSError:
				pass

	def details(self):
		"""The text inside the parentheses of the qemu-run line."""
		d = []
		if self.status is not None:
			d.append("exit %d" % self.status)
		d.append("%.1fs" % self.elapsed)
		if self.verdict != self.expect:
			d.append("expected %s" % self.expect)
		if self.verdict == "ERROR" and self.stderr:
			d.append(self.stderr.strip().splitlines()[-1])
		for pat in self.missing:
			d.append("no match for /%s/" % pat)
		return ", ".join(d)

	def line(self):
		s = "qemu-run: %s: %s (%s)" % (self.name, self.verdict,
		    self.details())
		if not self.ok and self.logs:
			s += " logs: " + " ".join(self.logs)
		return s


class Qemu:
	"""One QEMU process for the kernel, in a process group of its own.

	Use start(), then wait() (which applies the time limit and computes
	the verdict) or kill().  run() below does both.
	"""

	def __init__(self, kernel=None, append=None, iso=None, mem=64,
	    name=None, logdir="obj/check/logs", gdb_port=None, halt=False,
	    extra=()):
		if (kernel is None) == (iso is None):
			raise ValueError("give exactly one of kernel and iso")
		self.kernel, self.append, self.iso = kernel, append, iso
		self.mem = mem
		if name is None:
			name = os.path.basename(kernel or iso)
			if append:
				name += "-" + append
		self.name = safe_name(name)
		self.logdir = logdir
		self.gdb_port = gdb_port
		self.halt = halt
		self.extra = list(extra)
		base = os.path.join(logdir, self.name)
		self.serial_log = base + ".serial.log"
		self.qemu_log = base + ".qemu.log"
		self.stderr_log = base + ".stderr.log"
		self.proc = None
		self.started = None

	def command(self):
		cmd = [QEMU] + BASE_ARGS + ["-m", str(self.mem),
		    "-D", self.qemu_log, "-serial", "file:" + self.serial_log,
		    # COM2 (com1 in the kernel), for com(4)'s loopback test.
		    "-serial", "null"]
		if self.kernel is not None:
			cmd += ["-kernel", self.kernel]
			if self.append:
				cmd += ["-append", self.append]
		else:
			cmd += ["-cdrom", self.iso, "-boot", "d"]
		if self.gdb_port is not None:
			cmd += ["-gdb", "tcp:127.0.0.1:%d" % self.gdb_port]
		if self.halt:
			cmd += ["-S"]
		return cmd + self.extra

	def start(self):
		terminate_on_sigterm()
		os.makedirs(self.logdir, exist_ok=True)
		for p in (self.serial_log, self.qemu_log, self.stderr_log):
			if os.path.exists(p):
				os.remove(p)
		# Create the serial log now so that --print can follow it.
		open(self.serial_log, "wb").close()
		with open(self.stderr_log, "wb") as err:
			self.proc = subprocess.Popen(self.command(),
			    stdin=subprocess.DEVNULL, stdout=err, stderr=err,
			    start_new_session=True)
		self.started = time.monotonic()
		return self

	def kill(self):
		if self.proc is not None:
			kill_group(self.proc)

	def wait_for(self, pattern, timeout=60):
		"""Wait until the serial output matches pattern (a regex),
		QEMU ends, or timeout seconds pass since the start.

		=> returns True if the pattern appeared; QEMU keeps running
		   either way (kill() it, or wait() for its verdict).
		"""
		rx = re.compile(pattern, re.M)
		deadline = self.started + timeout
		while time.monotonic() < deadline:
			if rx.search(read_text(self.serial_log)):
				return True
			if self.proc.poll() is not None:
				return bool(rx.search(read_text(self.serial_log)))
			time.sleep(0.1)
		return False

	def wait(self, timeout=60, expect="PASS", greps=(), echo=None):
		"""Wait for QEMU to end, at most timeout seconds (0: no limit).

		=> echo, if given, is a binary stream that gets the serial
		   output as it arrives.
		=> returns a Result; QEMU is gone afterwards in every case.
		"""
		res = Result(self.name, expect)
		res.paths = [self.serial_log, self.qemu_log, self.stderr_log]
		deadline = self.started + timeout if timeout else None
		pos = 0
		try:
			while True:
				if echo is not None:
					pos = self._echo(echo, pos)
				try:
					self.proc.wait(timeout=0.1)
					break
				except subprocess.TimeoutExpired:
					pass
				if deadline and time.monotonic() > deadline:
					res.verdict = "TIMEOUT"
					break
		finally:
			self.kill()
		if echo is not None:
			self._echo(echo, pos)
		res.elapsed = time.monotonic() - self.started
		if res.verdict != "TIMEOUT":
			res.status = self.proc.returncode
			res.verdict = self.verdict(res.status)
		res.serial = read_text(self.serial_log).replace("\r", "")
		res.stderr = read_text(self.stderr_log)
		if not res.stderr.strip():
			os.remove(self.stderr_log)
		res.missing = [p for p in greps
		    if not re.search(p, res.serial, re.M)]
		return res

	def verdict(self, status):
		if status in EXIT_VERDICTS:
			return EXIT_VERDICTS[status]
		if status == 0 and "Triple fault" in read_text(self.qemu_log):
			return "TRIPLE FAULT"
		return "ERROR"

	def _echo(self, out, pos):
		try:
			with open(self.serial_log, "rb") as f:
				f.seek(pos)
				data = f.read()
		except OSError:
			return pos
		if data:
			out.write(data)
			out.flush()
		return pos + len(data)


def read_text(path):
	try:
		with open(path, "rb") as f:
			return f.read().decode("utf-8", "replace")
	except OSError:
		return ""


def run(kernel=None, append=None, iso=None, mem=64, timeout=60,
    expect="pass", greps=(), name=None, logdir="obj/check/logs",
    echo=None, gdb_port=None, halt=False, extra=(), keep="fail"):
	"""One bounded run: start QEMU, wait, tell the verdict.

	=> expect is a --expect word (pass, fail, panic, triple, timeout).
	=> keep: "fail" deletes the logs when the run is ok, "always" keeps
	   them (the caller may parse them and call discard_logs()).
	=> returns a Result.
	"""
	q = Qemu(kernel=kernel, append=append, iso=iso, mem=mem, name=name,
	    logdir=logdir, gdb_port=gdb_port, halt=halt, extra=extra)
	image = kernel if kernel is not None else iso
	if not os.path.exists(image):
		res = Result(q.name, EXPECT[expect])
		res.stderr = "no such file: %s" % image
		return res
	q.start()
	res = q.wait(timeout=timeout, expect=EXPECT[expect], greps=greps,
	    echo=echo)
	if res.ok and keep == "fail":
		res.discard_logs()
	return res


# The memory lines of the boot banner, which the tests compare across
# memory sizes and boot paths.
REAL_MEM = r"^real mem\s+=\s+(\d+) \((\d+)MB\)"
AVAIL_MEM = r"^avail mem\s+=\s+(\d+) \((\d+)MB\)"


def mem_lines(serial):
	"""((real, realMB), (avail, availMB)) from the boot banner, or None."""
	real = re.search(REAL_MEM, serial, re.M)
	avail = re.search(AVAIL_MEM, serial, re.M)
	if real is None or avail is None:
		return None
	return (tuple(map(int, real.groups())),
	    tuple(map(int, avail.groups())))
