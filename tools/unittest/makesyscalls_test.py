#!/usr/bin/env python3
"""makesyscalls_test.py: host tests of tools/makesyscalls.

The generator is run as make runs it (tools/makesyscalls -o DIR
kern/syscalls.master, from a scratch directory) on small sample master
files and on the real kern/syscalls.master, and its outputs are checked:
the numbers, names and sysent[] entries, the #if pass-through, the libc
stubs (assembled with NASM), every error message with its line number,
and, with the i386 cross compiler, the layout of the argument structures:
each argument must sit where the user program pushed it, since syscall()
copies the user's stack words straight into the structure.

ctest runs each test method as a test of its own (makesyscalls.cmake):
  python3 tools/unittest/makesyscalls_test.py Errors.test_duplicate_number
  python3 tools/unittest/makesyscalls_test.py          (all of them)
  python3 tools/unittest/makesyscalls_test.py --list   (their names)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TOOL = os.path.join(REPO, "tools", "makesyscalls")
MASTER = os.path.join(REPO, "kern", "syscalls.master")
CROSS = os.environ.get("CROSS", "i686-linux-gnu-")

OUTPUTS = ("kern/init_sysent.cc", "kern/syscalls.cc", "sys/syscall.h",
    "sys/syscallargs.h", "lib/libc/sys/syscalls.asm")

#
# What <sys/systm.h> declares for the generated table: the text the
# kernel's header is to carry, compiled here against the generated
# init_sysent.cc.
#
SYSTM_DECL = """\
struct proc;

/*
 * The system call table, kern/init_sysent.cc, generated from
 * kern/syscalls.master by tools/makesyscalls.
 */
typedef int	sy_call_t(struct proc *, void *, register_t *);

extern const struct sysent {	/* system call table */
	short	sy_narg;	/* number of args */
	short	sy_argsize;	/* total size of arguments */
	int	sy_flags;
	sy_call_t *sy_call;	/* implementing function */
} sysent[];
extern const int nsysent;			/* kern/init_sysent.cc */
extern const char *const syscallnames[];	/* kern/syscalls.cc */

int	sys_nosys(struct proc *, void *, register_t *);
"""

#
# The argument types that <sys/types.h> does not (all) have yet, with
# OpenBSD's definitions; a typedef repeated with the same type is legal
# C++, so this stays valid as the kernel's headers gain them.
#
MISSING_TYPES = """\
typedef u_int32_t	mode_t;
typedef u_int32_t	uid_t;
typedef u_int32_t	gid_t;
typedef int32_t		clockid_t;
typedef unsigned int	sigset_t;
struct fd_set;
typedef struct fd_set	fd_set;
"""

SAMPLE = r"""; A sample master file: every type, a continuation, an #ifdef.
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/signal.h>
#include <sys/syscallargs.h>

0	INDIR		{ int sys_syscall(int number, ...); }
1	STD		{ void sys_exit(int rval); }
2	STD		{ int sys_fork(void); }
3	STD		{ ssize_t sys_read(int fd, void *buf, \
			    size_t nbyte); }
4	UNIMPL		write
5	STD		{ int sys_open(const char *path, int flags, \
			    ... mode_t mode); }
6	OBSOL		ocreat
#ifdef KTRACE
7	STD		{ int sys_ktrace(const char *fname, int ops, \
			    int facs, pid_t pid); }
#else
7	UNIMPL		ktrace
#endif
8	STD		{ int sys_obreak(char *nsize); } break
9	STD		{ ssize_t sys_pread(int fd, void *buf, size_t nbyte, \
			    off_t offset); }
10	STD		{ off_t sys_lseek(int fd, off_t offset, int whence); }
11	NOARGS		{ ssize_t sys_read(int fd, void *buf, \
			    size_t nbyte); } oread
12	STD		{ void *sys_mmap(void *addr, size_t len, int prot, \
			    int flags, int fd, off_t pos); }
13	UNIMPL
14	STD		{ int sys_vfork(void); }
"""


def run_tool(master_text, workdir, outdir="out"):
	"""Run makesyscalls on master_text as make does, from workdir.
	=> (exit status, stderr)."""
	os.makedirs(os.path.join(workdir, "kern"), exist_ok=True)
	with open(os.path.join(workdir, "kern", "syscalls.master"), "w") as f:
		f.write(master_text)
	p = subprocess.run([sys.executable, TOOL, "-o", outdir,
	    "kern/syscalls.master"], cwd=workdir, capture_output=True,
	    text=True, timeout=60)
	return p.returncode, p.stderr


def read_outputs(outdir):
	texts = {}
	for rel in OUTPUTS:
		with open(os.path.join(outdir, rel)) as f:
			texts[rel] = f.read()
	return texts


def sys_defines(text):
	return {m.group(1): int(m.group(2)) for m in
	    re.finditer(r"^#define\tSYS_(\w+)\t(\d+)$", text, re.M)}


def sysent_entries(text):
	"""[(narg, argsize, handler, number)] in file order."""
	return [(int(m.group(1)), m.group(2), m.group(3), int(m.group(4)))
	    for m in re.finditer(r"^\t\{ (\d+), (.*?), 0,\n\t    (\w+) \},"
	    r"\s*/\* (\d+) = ", text, re.M)]


def names(text):
	return re.findall(r'^\t"(.*)",', text, re.M)


def cross_tool(name):
	path = shutil.which(CROSS + name)
	if path is None:
		raise AssertionError("%s%s not found (tools/deps.sh build "
		    "installs it)" % (CROSS, name))
	return path


class Generated(unittest.TestCase):
	"""Generate from a master text into a scratch directory."""

	def master_text(self):
		return SAMPLE

	def setUp(self):
		self.tmp = tempfile.TemporaryDirectory(prefix="makesyscalls.")
		self.dir = self.tmp.name
		self.out = os.path.join(self.dir, "out")
		rc, err = run_tool(self.master_text(), self.dir)
		self.assertEqual((rc, err), (0, ""))
		self.texts = read_outputs(self.out)

	def tearDown(self):
		self.tmp.cleanup()

	def include_dir(self):
		"""A directory of headers for the cross compiler: the kernel's
		<sys/types.h> and <machine/types.h>, and stand-ins for
		<sys/param.h>, <sys/systm.h> and <sys/signal.h>."""
		inc = os.path.join(self.dir, "inc")
		if os.path.exists(inc):
			return inc
		os.makedirs(os.path.join(inc, "sys"))
		os.symlink(os.path.join(REPO, "arch", "i386", "include"),
		    os.path.join(inc, "machine"))
		os.symlink(os.path.join(REPO, "sys", "types.h"),
		    os.path.join(inc, "sys", "types.h"))
		stubs = {
			"param.h": "#pragma once\n#include <sys/types.h>\n" +
			    MISSING_TYPES,
			"systm.h": "#pragma once\n#include <sys/param.h>\n" +
			    SYSTM_DECL,
			"signal.h": "#pragma once\n#include <sys/param.h>\n",
		}
		for name, text in stubs.items():
			with open(os.path.join(inc, "sys", name), "w") as f:
				f.write(text)
		return inc

	def cross_compile(self, source, *flags):
		"""Compile C++ source (a file name, or the text itself) for
		i386 as the kernel is compiled; fail with the compiler's
		messages."""
		cxx = cross_tool("g++")
		inc = self.include_dir()
		self.compiled = getattr(self, "compiled", 0) + 1
		obj = os.path.join(self.dir, "t%d.o" % self.compiled)
		if "\n" in source:
			path = obj[:-2] + ".cc"
			with open(path, "w") as f:
				f.write(source)
			source = path
		p = subprocess.run([cxx, "-std=c++20", "-m32", "-ffreestanding",
		    "-fno-exceptions", "-fno-rtti", "-Wall", "-Wextra", "-Werror",
		    "-I" + inc, "-I" + self.out] + list(flags) +
		    ["-c", source, "-o", obj],
		    capture_output=True, text=True, timeout=60)
		self.assertEqual(p.returncode, 0, "%s:\n%s" % (source, p.stderr))

	def assemble(self):
		"""Assemble the libc stubs.
		=> ({symbol: nm's type letter}, the object file)"""
		obj = os.path.join(self.dir, "syscalls.o")
		p = subprocess.run(["nasm", "-f", "elf32", "-o", obj,
		    os.path.join(self.out, "lib/libc/sys/syscalls.asm")],
		    capture_output=True, text=True, timeout=60)
		self.assertEqual(p.returncode, 0, p.stderr)
		nm = shutil.which(CROSS + "nm") or "nm"
		p = subprocess.run([nm, obj], capture_output=True, text=True,
		    check=True, timeout=60)
		syms = {}
		for line in p.stdout.splitlines():
			w = line.split()
			syms[w[-1]] = w[-2]
		return syms, obj


class Sample(Generated):
	"""The outputs for SAMPLE, text by text."""

	def test_numbers(self):
		self.assertEqual(sys_defines(self.texts["sys/syscall.h"]), {
		    "syscall": 0, "exit": 1, "fork": 2, "read": 3, "open": 5,
		    "ktrace": 7, "break": 8, "pread": 9, "lseek": 10,
		    "oread": 11, "mmap": 12, "vfork": 14, "MAXSYSCALL": 15})

	def test_syscall_h_comments(self):
		h = self.texts["sys/syscall.h"]
		self.assertIn('/* syscall: "open" ret: "int" args: '
		    '"const char *" "int" "..." "mode_t" */\n'
		    "#define\tSYS_open\t5\n", h)
		self.assertIn("/* 6 is obsolete ocreat */", h)
		self.assertNotIn("write", h)		# UNIMPL: nothing
		self.assertNotIn("#ifdef", h)

	def test_names(self):
		self.assertEqual(names(self.texts["kern/syscalls.cc"]), [
		    "syscall", "exit", "fork", "read",
		    "#4 (unimplemented write)", "open", "#6 (obsolete ocreat)",
		    "ktrace", "#7 (unimplemented ktrace)", "break", "pread",
		    "lseek", "oread", "mmap", "#13 (unimplemented)", "vfork"])

	def test_sysent(self):
		e = sysent_entries(self.texts["kern/init_sysent.cc"])
		self.assertEqual([x[3] for x in e],
		    [0, 1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14])
		self.assertEqual(e[0], (0, "0", "sys_nosys", 0))	# INDIR
		self.assertEqual(e[1],
		    (1, "sizeof(struct sys_exit_args)", "sys_exit", 1))
		self.assertEqual(e[2], (0, "0", "sys_fork", 2))
		self.assertEqual(e[4], (0, "0", "sys_nosys", 4))	# UNIMPL
		self.assertEqual(e[5],
		    (3, "sizeof(struct sys_open_args)", "sys_open", 5))
		self.assertEqual(e[6], (0, "0", "sys_nosys", 6))	# OBSOL
		self.assertEqual(e[12],
		    (3, "sizeof(struct sys_read_args)", "sys_read", 11))
		self.assertEqual(e[13],
		    (6, "sizeof(struct sys_mmap_args)", "sys_mmap", 12))
		self.assertEqual(e[14], (0, "0", "sys_nosys", 13))
		self.assertIn("== 15,", self.texts["kern/init_sysent.cc"])

	def test_args_structs(self):
		h = self.texts["sys/syscallargs.h"]
		self.assertIn("struct sys_pread_args {\n"
		    "\tsyscallarg(int) fd;\n"
		    "\tsyscallarg(void *) buf;\n"
		    "\tsyscallarg(size_t) nbyte;\n"
		    "\tsyscallarg(off_t) offset;\n"
		    "};\n", h)
		self.assertIn("struct sys_open_args {\n"
		    "\tsyscallarg(const char *) path;\n"
		    "\tsyscallarg(int) flags;\n"
		    "\tsyscallarg(mode_t) mode;\n"
		    "};\n", h)
		structs = re.findall(r"^struct (\w+) \{", h, re.M)
		self.assertEqual(structs, ["sys_exit_args", "sys_read_args",
		    "sys_open_args", "sys_ktrace_args", "sys_obreak_args",
		    "sys_pread_args", "sys_lseek_args", "sys_mmap_args"])
		self.assertIn("#define\tSCARG(p, k)\t((p)->k.le.datum)", h)

	def test_prototypes(self):
		h = self.texts["sys/syscallargs.h"]
		protos = re.findall(r"^int\t(\w+)\(struct proc \*, void \*, "
		    r"register_t \*\);$", h, re.M)
		self.assertEqual(protos, ["sys_exit", "sys_fork", "sys_read",
		    "sys_open", "sys_ktrace", "sys_obreak", "sys_pread",
		    "sys_lseek", "sys_read", "sys_mmap", "sys_vfork"])
		self.assertIn("#ifdef KTRACE\nint\tsys_ktrace(struct proc *, "
		    "void *, register_t *);\n#else\n#endif\n", h)

	def test_ifdef_passthrough(self):
		"""#if lines go around entries in sysent[], the names and the
		prototypes, as in OpenBSD; #include only atop init_sysent.cc."""
		t = self.texts["kern/init_sysent.cc"]
		self.assertRegex(t, r"#ifdef KTRACE\n\t\{ 4, sizeof\(struct "
		    r"sys_ktrace_args\), 0,\n\t    sys_ktrace \},\s*/\* 7 = "
		    r"ktrace \*/\n#else\n\t\{ 0, 0, 0,\n\t    sys_nosys \},"
		    r"\s*/\* 7 = unimplemented ktrace \*/\n#endif\n")
		self.assertRegex(self.texts["kern/syscalls.cc"],
		    r'#ifdef KTRACE\n\t"ktrace",\s*/\* 7 = ktrace \*/\n#else\n'
		    r'\t"#7 \(unimplemented ktrace\)",\s*/\* 7 = unimplemented '
		    r'ktrace \*/\n#endif\n')
		includes = re.findall(r"^#include .*$", t, re.M)
		self.assertEqual(includes, ["#include <sys/param.h>",
		    "#include <sys/systm.h>", "#include <sys/signal.h>",
		    "#include <sys/syscallargs.h>"])
		self.assertLess(t.index("#include"), t.index("sysent[] = {"))
		self.assertNotIn("#include", self.texts["kern/syscalls.cc"])
		self.assertEqual(re.findall(r"^#include .*$",
		    self.texts["sys/syscallargs.h"], re.M),
		    ["#include <sys/types.h>"])
		for rel in ("sys/syscall.h", "lib/libc/sys/syscalls.asm"):
			self.assertNotIn("KTRACE", self.texts[rel], rel)

	def test_generated_banner(self):
		for rel, t in self.texts.items():
			head = "\n".join(t.splitlines()[:10])
			self.assertIn("DO NOT EDIT: generated by tools/"
			    "makesyscalls from kern/syscalls.master", head, rel)

	def test_libc_stub_lines(self):
		a = self.texts["lib/libc/sys/syscalls.asm"]
		stubs = re.findall(r"^\t(RSYSCALL|PSEUDO|RAWSYSCALL)\t([^%].*)$",
		    a, re.M)
		self.assertEqual(stubs, [("PSEUDO", "_exit, exit, 1"),
		    ("RSYSCALL", "fork, 2"), ("RSYSCALL", "read, 3"),
		    ("RSYSCALL", "open, 5"), ("RSYSCALL", "ktrace, 7"),
		    ("RAWSYSCALL", "break, 8"), ("RSYSCALL", "pread, 9"),
		    ("RSYSCALL", "lseek, 10"), ("RSYSCALL", "oread, 11"),
		    ("RSYSCALL", "mmap, 12")])
		self.assertIn("14 vfork: no stub", a)

	def test_libc_stubs_assemble(self):
		syms, obj = self.assemble()
		self.assertEqual(syms.get("_thread_sys_read"), "T")
		self.assertEqual(syms.get("read"), "W")
		self.assertEqual(syms.get("_thread_sys_exit"), "T")
		self.assertEqual(syms.get("_exit"), "W")
		self.assertNotIn("exit", syms)
		self.assertEqual(syms.get("_thread_sys_break"), "T")
		self.assertNotIn("break", syms)
		self.assertEqual(syms.get("__cerror"), "T")
		self.assertEqual(syms.get("errno"), "U")
		for name in ("vfork", "_thread_sys_vfork", "syscall",
		    "_thread_sys_syscall", "write"):
			self.assertNotIn(name, syms)

	def test_libc_stub_code(self):
		"""read(2): number in %eax, int $0x80, on carry to __cerror."""
		syms, obj = self.assemble()
		p = subprocess.run([cross_tool("objdump"), "-d",
		    "--no-show-raw-insn", obj], capture_output=True, text=True,
		    check=True, timeout=60)
		m = re.search(r"<_thread_sys_read>:\n((?:.*\n){4})", p.stdout)
		self.assertIsNotNone(m, p.stdout)
		insns = [l.split(":", 1)[1].split() for l in
		    m.group(1).splitlines()]
		self.assertEqual(insns[0], ["mov", "$0x3,%eax"])
		self.assertEqual(insns[1], ["int", "$0x80"])
		self.assertEqual(insns[2][0], "jb")
		self.assertIn("<__cerror>", insns[2])
		self.assertEqual(insns[3], ["ret"])
		m = re.search(r"<__cerror>:\n((?:.*\n){4})", p.stdout)
		insns = [l.split(":", 1)[1].split() for l in
		    m.group(1).splitlines()]
		self.assertEqual(insns[0][0], "mov")
		self.assertTrue(insns[0][1].startswith("%eax,"), insns)
		self.assertEqual(insns[1], ["mov", "$0xffffffff,%eax"])
		self.assertEqual(insns[2], ["mov", "$0xffffffff,%edx"])
		self.assertEqual(insns[3], ["ret"])

	def test_layout_i386(self):
		"""Each argument where the user pushed it: slot i at 4 * i,
		a 64-bit off_t in two slots, 4-aligned as on the stack."""
		self.cross_compile(textwrap.dedent("""\
		    #include <sys/param.h>
		    #include <sys/syscallargs.h>
		    #include <cstddef>
		    #include <type_traits>
		    #define AT(s, m, o) static_assert(offsetof(struct s, m) == o)
		    AT(sys_read_args, fd, 0);
		    AT(sys_read_args, buf, 4);
		    AT(sys_read_args, nbyte, 8);
		    static_assert(sizeof(struct sys_read_args) == 12);
		    AT(sys_pread_args, offset, 12);
		    static_assert(sizeof(struct sys_pread_args) == 20);
		    AT(sys_lseek_args, offset, 4);
		    AT(sys_lseek_args, whence, 12);
		    static_assert(sizeof(struct sys_lseek_args) == 16);
		    AT(sys_mmap_args, fd, 16);
		    AT(sys_mmap_args, pos, 20);
		    static_assert(sizeof(struct sys_mmap_args) == 28);
		    AT(sys_open_args, mode, 8);
		    static_assert(sizeof(struct sys_exit_args) == 4);
		    static_assert(std::is_same_v<std::remove_reference_t<
		        decltype(SCARG((struct sys_pread_args *)nullptr,
		        offset))>, off_t>);
		    static_assert(std::is_same_v<std::remove_reference_t<
		        decltype(SCARG((struct sys_read_args *)nullptr,
		        buf))>, void *>);
		    off_t
		    offset_of(void *v)
		    {
		    	struct sys_pread_args *uap = (struct sys_pread_args *)v;
		    	return SCARG(uap, offset);
		    }
		    """))

	def test_init_sysent_compiles(self):
		"""init_sysent.cc and syscalls.cc against SYSTM_DECL, with the
		#ifdef KTRACE branch off and on."""
		for flags in ([], ["-DKTRACE"]):
			for rel in ("kern/init_sysent.cc", "kern/syscalls.cc"):
				self.cross_compile(os.path.join(self.out, rel),
				    *flags)

	def test_deterministic(self):
		other = os.path.join(self.dir, "again")
		rc, err = run_tool(SAMPLE, self.dir, "again")
		self.assertEqual((rc, err), (0, ""))
		self.assertEqual(read_outputs(other), self.texts)

	def test_rewrites_only_what_changed(self):
		old = 1000000000
		for rel in OUTPUTS:
			os.utime(os.path.join(self.out, rel), (old, old))
		rc, err = run_tool(SAMPLE + "; a new comment\n", self.dir)
		self.assertEqual((rc, err), (0, ""))
		for rel in OUTPUTS:
			self.assertEqual(os.stat(os.path.join(self.out,
			    rel)).st_mtime, old, rel)
		# An UNIMPL's name is in the names and sysent[]'s comments only.
		rc, err = run_tool(SAMPLE.replace("UNIMPL\t\twrite",
		    "UNIMPL\t\twrote"), self.dir)
		self.assertEqual((rc, err), (0, ""))
		changed = {rel for rel in OUTPUTS if os.stat(os.path.join(
		    self.out, rel)).st_mtime != old}
		self.assertEqual(changed, {"kern/syscalls.cc",
		    "kern/init_sysent.cc"})
		self.assertIn("wrote", read_outputs(self.out)["kern/syscalls.cc"])

	def test_no_temporary_files_left(self):
		found = sorted(os.path.relpath(os.path.join(d, f), self.out)
		    for d, _, files in os.walk(self.out) for f in files)
		self.assertEqual(found, sorted(OUTPUTS))

	def test_error_keeps_old_outputs(self):
		rc, err = run_tool(SAMPLE + "15 STD { int sys_x(int); }\n",
		    self.dir)
		self.assertEqual(rc, 1)
		self.assertEqual(read_outputs(self.out), self.texts)

	def test_usage(self):
		p = subprocess.run([sys.executable, TOOL], capture_output=True,
		    text=True, timeout=60)
		self.assertEqual(p.returncode, 2)
		self.assertIn("usage: makesyscalls -o DIR", p.stderr)

	def test_missing_master(self):
		p = subprocess.run([sys.executable, TOOL, "-o", self.out,
		    os.path.join(self.dir, "nonexistent")], capture_output=True,
		    text=True, timeout=60)
		self.assertEqual(p.returncode, 1)
		self.assertTrue(p.stderr.startswith("makesyscalls: "), p.stderr)


class Errors(unittest.TestCase):
	"""Every mistake: "kern/syscalls.master:LINE: what", exit 1, and
	nothing written."""

	def check(self, text, line, message):
		with tempfile.TemporaryDirectory(prefix="makesyscalls.") as d:
			rc, err = run_tool(textwrap.dedent(text), d)
			self.assertEqual(rc, 1, err)
			self.assertEqual(err.count("\n"), 1, err)
			prefix = "kern/syscalls.master:%d: " % line
			self.assertTrue(err.startswith(prefix),
			    "%r does not start with %r" % (err, prefix))
			self.assertIn(message, err)
			self.assertFalse(os.path.exists(os.path.join(d, "out")))

	def test_gap(self):
		self.check("""\
		    0	UNIMPL
		    2	UNIMPL
		    """, 2, "system call number 2 out of order: expected 1 "
		    "(an unused number needs an UNIMPL line)")

	def test_duplicate_number(self):
		self.check("""\
		    0	UNIMPL
		    1	STD	{ int sys_a(void); }
		    1	STD	{ int sys_b(void); }
		    """, 3, "duplicate system call number 1 (already on line 2)")

	def test_first_number_not_0(self):
		self.check("1	UNIMPL\n", 1,
		    "system call number 1 out of order: expected 0")

	def test_not_a_number(self):
		self.check("0	UNIMPL\nx	UNIMPL\n", 2,
		    "expected a system call number, found 'x'")

	def test_missing_type(self):
		self.check("0\n", 1, "system call 0 has no type")

	def test_unknown_type(self):
		self.check("0	STDD	{ int sys_a(void); }\n", 1,
		    "unknown type 'STDD' (expected STD, NOARGS, INDIR, OBSOL, "
		    "UNIMPL)")

	def test_nolock(self):
		self.check("0	STD NOLOCK	{ int sys_a(void); }\n", 1,
		    "NOLOCK: there is no kernel lock to skip here")

	def test_missing_braces(self):
		self.check("0	STD	int sys_a(void);\n", 1,
		    "STD needs a prototype in braces")

	def test_unclosed_brace(self):
		self.check("0	STD	{ int sys_a(void);\n", 1,
		    "unbalanced braces: '{' without '}'")

	def test_unclosed_brace_continued(self):
		self.check("""\
		    0	UNIMPL
		    1	STD	{ int sys_a(int x, \\
		    		    int y);
		    2	UNIMPL
		    """, 2, "unbalanced braces: '{' without '}'")

	def test_close_brace_alone(self):
		self.check("0	STD	int sys_a(void); }\n", 1,
		    "unbalanced braces: '}' without '{'")

	def test_two_prototypes(self):
		self.check("0	STD	{ int sys_a(void); } { int sys_b(void); }\n",
		    1, "unbalanced braces: only one { prototype } per line")

	def test_unimpl_with_prototype(self):
		self.check("0	UNIMPL	{ int sys_a(void); }\n", 1,
		    "UNIMPL takes a name, not a { prototype }")

	def test_no_parenthesis(self):
		self.check("0	STD	{ int sys_a; }\n", 1,
		    "the prototype has no '('")

	def test_no_semicolon(self):
		self.check("0	STD	{ int sys_a(void) }\n", 1,
		    "the prototype must end with ');'")

	def test_no_sys_prefix(self):
		self.check("0	STD	{ int a(void); }\n", 1,
		    "function name 'a' must be sys_ and the system call's name")

	def test_no_return_type(self):
		self.check("0	STD	{ sys_a(void); }\n", 1,
		    "sys_a has no return type")

	def test_empty_arguments(self):
		self.check("0	STD	{ int sys_a(); }\n", 1,
		    "empty argument list: write (void)")

	def test_argument_without_name(self):
		self.check("0	STD	{ int sys_a(int, int); }\n", 1,
		    "argument 1 ('int') has no name")

	def test_pointer_without_name(self):
		self.check("0	STD	{ int sys_a(int fd, const char *); }\n", 1,
		    "argument 2 ('const char *') has no name")

	def test_keyword_argument(self):
		self.check("0	STD	{ int sys_a(void *new); }\n", 1,
		    "argument name 'new' is a C++ keyword")

	def test_void_with_others(self):
		self.check("0	STD	{ int sys_a(void, int x); }\n", 1,
		    "'void' must be the only argument")

	def test_duplicate_argument(self):
		self.check("0	STD	{ int sys_a(int x, int x); }\n", 1,
		    "two arguments are called 'x'")

	def test_trailing_varargs_in_std(self):
		self.check("0	STD	{ int sys_a(int x, ...); }\n", 1,
		    "only INDIR ends in '...'")

	def test_two_varargs(self):
		self.check("0	STD	{ int sys_a(int x, ... int y, ... int z); }\n",
		    1, "more than one '...'")

	def test_bad_character(self):
		self.check("0	STD	{ int sys_a(int x[2]); }\n", 1,
		    "unexpected '[' in the prototype")

	def test_function_pointer(self):
		self.check("0	STD	{ int sys_a(void (*f)(int)); }\n", 1,
		    "unexpected parenthesis in the arguments")

	def test_bad_alias(self):
		self.check("0	STD	{ int sys_a(void); } 9lives\n", 1,
		    "alias '9lives' is not a C name")

	def test_words_after_prototype(self):
		self.check("0	STD	{ int sys_a(void); } a b\n", 1,
		    "unexpected 'a b' after the prototype")

	def test_duplicate_function(self):
		self.check("""\
		    0	STD	{ int sys_a(void); }
		    1	STD	{ int sys_a(void); } b
		    """, 2, "sys_a is already defined on line 1")

	def test_duplicate_name(self):
		self.check("""\
		    0	STD	{ int sys_a(void); }
		    1	STD	{ int sys_b(void); } a
		    """, 2, "SYS_a is already defined on line 1")

	def test_noargs_without_struct(self):
		self.check("0	NOARGS	{ int sys_a(int x); }\n", 1,
		    "NOARGS sys_a has arguments, but no STD line defines "
		    "struct sys_a_args")

	def test_unterminated_if(self):
		self.check("""\
		    0	UNIMPL
		    #ifdef FOO
		    1	STD	{ int sys_a(void); }
		    #else
		    1	UNIMPL
		    """, 2, "'#ifdef FOO' has no #endif")

	def test_else_without_if(self):
		self.check("0	UNIMPL\n#else\n", 2, "#else without #if")

	def test_endif_without_if(self):
		self.check("0	UNIMPL\n#endif\n", 2, "#endif without #if")

	def test_elif_after_else(self):
		self.check("""\
		    #if A
		    0	UNIMPL
		    #else
		    0	UNIMPL
		    #elif B
		    """, 5, "#elif after #else (line 3)")

	def test_branches_differ(self):
		self.check("""\
		    #ifdef FOO
		    0	UNIMPL
		    1	UNIMPL
		    #else
		    0	UNIMPL
		    #endif
		    """, 6, "the branches of '#ifdef FOO' (line 1) end at "
		    "different numbers (2 and 1)")

	def test_if_without_else(self):
		self.check("""\
		    0	UNIMPL
		    #ifdef FOO
		    1	STD	{ int sys_a(void); }
		    #endif
		    """, 4, "'#ifdef FOO' (line 2) defines system calls 1-1 but "
		    "has no #else")

	def test_include_inside_if(self):
		self.check("""\
		    #ifdef FOO
		    #include <sys/foo.h>
		    #endif
		    """, 2, "#include inside #if (line 1)")

	def test_unknown_directive(self):
		self.check("#define FOO 1\n0	UNIMPL\n", 1,
		    "unknown directive '#define'")

	def test_continuation_at_end(self):
		self.check("0	UNIMPL\n1	STD	{ int sys_a(void); } \\\n", 2,
		    "the file ends after a '\\' continuation")

	def test_no_system_calls(self):
		self.check("; nothing here\n", 1, "no system calls")


class RealMaster(Generated):
	"""kern/syscalls.master itself."""

	def master_text(self):
		with open(MASTER) as f:
			return f.read()

	# OpenBSD's current numbers (sys/kern/syscalls.master 1.269) for the
	# calls the user-space issue needs, all implemented; none may move.
	# (sigreturn 103, mlock 203 and munlock 204 are UNIMPL until signal
	# handlers and wiring exist.)
	OPENBSD = {
	    "exit": 1, "fork": 2, "read": 3, "write": 4, "open": 5,
	    "close": 6, "link": 9, "unlink": 10, "wait4": 11, "chdir": 12,
	    "fchdir": 13, "chmod": 15, "chown": 16, "break": 17,
	    "getrusage": 19, "getpid": 20, "setuid": 23, "getuid": 24,
	    "geteuid": 25, "access": 33, "sync": 36, "stat": 38,
	    "getppid": 39, "lstat": 40, "dup": 41, "getegid": 43,
	    "ktrace": 45, "sigaction": 46, "getgid": 47, "sigprocmask": 48,
	    "mmap": 49, "fstat": 53, "ioctl": 54, "reboot": 55,
	    "symlink": 57, "readlink": 58, "execve": 59, "umask": 60,
	    "chroot": 61, "vfork": 66, "gettimeofday": 67, "select": 71,
	    "munmap": 73, "mprotect": 74, "madvise": 75, "utimes": 76,
	    "mquery": 78, "setpgid": 82, "clock_gettime": 87, "dup2": 90,
	    "nanosleep": 91, "fcntl": 92, "fsync": 95, "getdents": 99,
	    "pipe2": 101, "readv": 120, "writev": 121,
	    "kill": 122, "fchown": 123, "fchmod": 124, "rename": 128,
	    "mkdir": 136, "rmdir": 137, "setsid": 147, "lseek": 166,
	    "truncate": 167, "ftruncate": 168, "pread": 169, "pwrite": 170,
	    "setgid": 181, "setegid": 182, "seteuid": 183, "getrlimit": 194,
	    "setrlimit": 195, "sysctl": 202,
	    "getpgid": 207, "minherit": 250, "poll": 252, "msync": 256,
	    "pipe": 263, "sched_yield": 298, "__getcwd": 304,
	}

	def test_issue_numbers(self):
		d = sys_defines(self.texts["sys/syscall.h"])
		for name, n in (("exit", 1), ("fork", 2), ("read", 3),
		    ("write", 4), ("open", 5), ("close", 6), ("wait4", 11),
		    ("getpid", 20), ("mmap", 49), ("kill", 122),
		    ("lseek", 166)):
			self.assertEqual(d.get(name), n, name)

	def test_openbsd_numbers(self):
		d = sys_defines(self.texts["sys/syscall.h"])
		for name, n in self.OPENBSD.items():
			self.assertEqual(d.get(name), n, name)
		self.assertEqual(d["MAXSYSCALL"], 331)

	def test_handlers(self):
		"""Every call above has a handler and a prototype."""
		h = self.texts["sys/syscallargs.h"]
		e = {x[3]: x for x in
		    sysent_entries(self.texts["kern/init_sysent.cc"])}
		for name, n in self.OPENBSD.items():
			func = "sys_obreak" if name == "break" else "sys_" + name
			self.assertIn("int\t%s(struct proc *, void *, "
			    "register_t *);\n" % func, h)
			if name != "ktrace":	# #ifdef KTRACE: two entries
				self.assertEqual(e[n][2], func)

	def test_no_holes(self):
		"""One entry per number, 0 to SYS_MAXSYSCALL - 1, in order
		(with #else branches left out)."""
		t = self.texts["kern/init_sysent.cc"]
		t = re.sub(r"^#else\n.*?^#endif\n", "", t, flags=re.M | re.S)
		self.assertEqual([x[3] for x in sysent_entries(t)],
		    list(range(331)))

	def test_unimplemented_keep_names(self):
		n = names(self.texts["kern/syscalls.cc"])
		self.assertIn("#7 (unimplemented getentropy)", n)
		self.assertIn("#197 (obsolete pad_mmap)", n)
		self.assertIn("#0 (unimplemented syscall)", n)

	def test_layout_i386(self):
		"""Every argument structure: each member at the sum of the
		slots before it, each slot a whole number of register_t."""
		h = self.texts["sys/syscallargs.h"]
		lines = ["#include <sys/param.h>", "#include <sys/syscallargs.h>",
		    "#include <cstddef>",
		    "#define SLOT(t) ((sizeof(t) + sizeof(register_t) - 1) / "
		    "sizeof(register_t) * sizeof(register_t))"]
		count = 0
		for m in re.finditer(r"^struct (\w+) \{\n(.*?)^\};", h,
		    re.M | re.S):
			at = "0"
			for t, name in re.findall(r"syscallarg\((.*)\) (\w+);",
			    m.group(2)):
				lines.append("static_assert(offsetof(struct %s, %s) "
				    "== %s);" % (m.group(1), name, at))
				at += " + SLOT(%s)" % t
			lines.append("static_assert(sizeof(struct %s) == %s);" %
			    (m.group(1), at))
			count += 1
		self.assertGreater(count, 60)
		# And in numbers, where 64-bit arguments meet the stack.
		for s, m, o in (("pread", "offset", 12), ("pwrite", "offset", 12),
		    ("lseek", "offset", 4), ("lseek", "whence", 12),
		    ("truncate", "length", 4), ("ftruncate", "length", 4),
		    ("mmap", "pos", 20), ("mquery", "pos", 20)):
			lines.append("static_assert(offsetof(struct sys_%s_args, "
			    "%s) == %d);" % (s, m, o))
		for s, size in (("lseek", 16), ("mmap", 28), ("pread", 20),
		    ("read", 12), ("sysctl", 24)):
			lines.append("static_assert(sizeof(struct sys_%s_args) == "
			    "%d);" % (s, size))
		self.cross_compile("\n".join(lines) + "\n")

	def test_init_sysent_compiles(self):
		for flags in ([], ["-DKTRACE"]):
			for rel in ("kern/init_sysent.cc", "kern/syscalls.cc"):
				self.cross_compile(os.path.join(self.out, rel),
				    *flags)

	def test_libc_stubs_assemble(self):
		syms, obj = self.assemble()
		for name, n in self.OPENBSD.items():
			if name == "vfork":
				continue
			self.assertEqual(syms.get("_thread_sys_" + name), "T",
			    name)
		for name in ("read", "write", "open", "mmap", "lseek", "pipe"):
			self.assertEqual(syms.get(name), "W", name)
		self.assertEqual(syms.get("_exit"), "W")
		for name in ("exit", "break", "sigprocmask", "sigreturn",
		    "vfork"):
			self.assertNotIn(name, syms)


def test_ids():
	"""Class.method for every test, as ctest names them."""
	suite = unittest.defaultTestLoader.loadTestsFromModule(
	    sys.modules[__name__])
	ids = []

	def walk(s):
		for t in s:
			if isinstance(t, unittest.TestSuite):
				walk(t)
			else:
				ids.append(t.id().split(".", 1)[1])
	walk(suite)
	return ids


if __name__ == "__main__":
	if sys.argv[1:] == ["--list"]:
		print("\n".join(test_ids()))
		sys.exit(0)
	unittest.main()
