"""usercheck: the booted system as a user meets it (tools/check "user").

Each test boots a fresh copy of the system disk (obj/disk.img, as `make
qemu' does: mbr, biosboot, boot(8), /bsd, /sbin/init, /bin/sh) with the
console on a socket, waits for the shell's "# " prompt, types commands,
and checks what comes back:

  user/shell	ls -l /, ps, cat /etc/motd, echo hi | wc,
		sh -c 'exit 3'; echo $?, and programs that dereference
		NULL or write to their text: each is killed with the
		kernel's "pid N (name): ..." line and the shell goes on
  user/mem8	the shell at 8 MiB of RAM (the issue's requirement)
  user/mem4	the shell at 4 MiB (its target)
  user/e2fsck	after user/shell's session (ended by halt -p, which
		syncs), e2fsck -fn finds the disk's file system clean

The crashing programs are built with tools/cc, the way a student builds
one, and put on the disk under /bin.
"""
import os
import re
import shutil
import subprocess
import sys
import textwrap

TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, TOOLS)
import biostest  # noqa: E402
import ext2check  # noqa: E402

OBJ = os.environ.get("USERCHECK_OBJ", "obj")
WORKDIR = os.path.join(OBJ, "check", "user")
BOOT_TIMEOUT = 120		# power on to the first prompt
STEP_TIMEOUT = 30		# one command

CRASHERS = {
	"nullderef": "int main(void) { return *(volatile int *)0; }\n",
	"textwrite": textwrap.dedent("""\
	    int main(void)
	    {
	    	*(volatile unsigned char *)(void *)main = 0xc3;
	    	return 0;
	    }
	    """),
}


def build_disk(name):
	"""A disk like obj/disk.img plus the crashers in /bin.
	=> (path, None) or (None, why)."""
	os.makedirs(WORKDIR, exist_ok=True)
	extra = os.path.join(WORKDIR, name + ".extra")
	shutil.rmtree(extra, ignore_errors=True)
	os.makedirs(os.path.join(extra, "bin"))
	for prog, src in CRASHERS.items():
		c = os.path.join(WORKDIR, prog + ".c")
		with open(c, "w") as f:
			f.write(src)
		p = subprocess.run([os.path.join(TOOLS, "cc"), c, "-o",
		    os.path.join(extra, "bin", prog)], stdout=subprocess.PIPE,
		    stderr=subprocess.STDOUT, text=True,
		    env=dict(os.environ, O=OBJ))
		if p.returncode != 0:
			return None, "tools/cc %s: %s" % (prog, p.stdout.strip())
	img = os.path.join(WORKDIR, name + ".img")
	argv = [sys.executable, os.path.join(TOOLS, "mkdisk"), "-k",
	    os.path.join(OBJ, "bsd"), "-B", os.path.join(OBJ, "boot"), img,
	    os.path.join(OBJ, "root"), extra]
	p = subprocess.run(argv, stdin=subprocess.DEVNULL,
	    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
	shutil.rmtree(extra, ignore_errors=True)
	if p.returncode != 0:
		return None, "mkdisk: " + p.stdout.strip()
	return img, None


def session(r, name, disk, mem, steps):
	"""Boot disk at mem MiB, wait for the prompt, run steps (text,
	[patterns]), then halt -p.  => True if all went as expected."""
	q = biostest.BiosQemu(disk, "user-" + name, mem=mem, interactive=True)
	problem = None
	try:
		q.start()
		# boot(8)'s prompt: go now rather than after its timeout.
		end = q.expect(r"^boot> ", 0, BOOT_TIMEOUT)
		if end is None:
			problem = "no boot> prompt"
		else:
			q.send("boot\r")
			end = q.expect(r"^# $", end, BOOT_TIMEOUT)
			if end is None:
				problem = "no shell prompt"
		pos = end
		for text, patterns in ([] if problem else steps):
			# The command's output is what comes before the next
			# prompt; the patterns may match it in any order.
			q.send(text + "\r")
			e = q.expect(r"^# $", pos + 1, STEP_TIMEOUT)
			if e is None:
				problem = "after %r: no prompt again" % text
				break
			out = q.output()[pos:e]
			pos = e
			missing = [p for p in patterns
			    if not re.search(p, out, re.M)]
			if missing:
				problem = "after %r: no /%s/" % (text, missing[0])
				break
		if problem is None:
			q.send("halt -p\r")
			res = q.wait(timeout=r.timeout(STEP_TIMEOUT))
			if res.status != 0 or "powering down" not in res.serial:
				problem = "halt -p: QEMU ended %s" % res.verdict
		if problem is not None:
			q.kill()
			res = q.wait(timeout=5)
	finally:
		q.kill()
	if problem is None:
		r.ok("user/" + name)
		res.discard_logs()
		return True
	tail = q.output().strip().splitlines()[-3:]
	r.fail("user/" + name, "%s (last lines: %s)" % (problem,
	    " | ".join(tail)), res.logs)
	return False


def test_shell(r):
	if not (r.want("user/shell") or r.want("user/e2fsck")):
		return
	disk, err = build_disk("shell")
	if disk is None:
		r.fail("user/shell", err)
		return
	ok = session(r, "shell", disk, biostest.MEM, [
	    ("ls -l /", [r"^drwxr-xr-x +\d+ root +wheel +\d+ .* bin$",
		r"^-rwxr-xr-x +1 root +wheel +\d+ .* bsd$"]),
	    ("ps", [r"^ *PID .*COMMAND$", r"^ +1 .*init$", r"^ +\d+ .*sh$",
		r"^ +\d+ .*ps$"]),
	    ("cat /etc/motd", [r"OpenBSD"]),
	    ("echo hi | wc", [r"^ +1 +1 +3$"]),
	    ("sh -c 'exit 3'; echo $?", [r"^3$"]),
	    ("nullderef; echo status $?", [
		r"^pid \d+ \(nullderef\): segmentation fault at 0x0$",
		r"^status 139$"]),
	    ("textwrite; echo status $?", [
		r"^pid \d+ \(textwrite\): segmentation fault at 0x[0-9a-f]+$",
		r"^status 139$"]),
	    ("echo still here", [r"^still here$"]),
	])
	if r.want("user/e2fsck"):
		if not ok:
			r.fail("user/e2fsck", "no clean session to check")
		else:
			e2fsck(r, disk)


def e2fsck(r, disk):
	log = os.path.join(biostest.LOGDIR, "user-e2fsck.log")
	if os.path.exists(log):
		os.remove(log)
	if ext2check.fsck_image(disk, log, WORKDIR):
		r.ok("user/e2fsck")
		os.remove(disk)
		os.remove(log)
	else:
		r.fail("user/e2fsck", "e2fsck -fn found errors", [log])


def test_mem(r, mib):
	name = "mem%d" % mib
	if not r.want("user/" + name):
		return
	disk, err = build_disk(name)
	if disk is None:
		r.fail("user/" + name, err)
		return
	if session(r, name, disk, mib, [("echo ok at %d" % mib,
	    [r"^ok at %d$" % mib])]):
		os.remove(disk)


def check_user(r):
	"""tools/check's "user" group."""
	if not os.path.exists(os.path.join(OBJ, "root", "sbin", "init")):
		r.fail("user/shell", "no %s/root: run make first" % OBJ)
		return
	test_shell(r)
	test_mem(r, 8)
	test_mem(r, 4)
