/*
 * kern_exec.cc: execve(2): replace the calling process's program.
 *
 * The steps, as in OpenBSD's sys/kern/kern_exec.c:
 *  1. Find the file (namei), check it is a regular file the caller may
 *     execute, and read its first bytes.  "#!" makes it a script: the
 *     interpreter named on that line is executed instead, with the
 *     script's path as an argument.  Otherwise it must be an ELF32 i386
 *     executable (exec_elf.cc checks it and reads its program headers).
 *  2. Copy the argument and environment strings into the kernel: the old
 *     address space, where they live, is about to go.  Together they may
 *     take ARG_MAX bytes, else E2BIG.
 *  3. Build the new address space beside the old one: the program's
 *     segments mapped copy-on-write from the file (so text is shared
 *     between all processes running the program), bss as zero-fill
 *     anonymous memory, a stack of MAXSSIZ at the top of user space.
 *     Until here any error returns to the old program.
 *  4. The point of no return: switch to the new space, free the old, copy
 *     the strings onto the new stack with the argc/argv/envp vectors
 *     crt0 expects, and set the registers to start at the entry point.
 *     The rest of the process carries over: pid, parent, descriptors
 *     (except close-on-exec ones), credentials, current directory; caught
 *     signals go back to their default actions.
 *
 * The new stack, from the top (USRSTACK) down:
 *	argument and environment strings
 *	envp[envc] = NULL, envp[0..], argv[argc] = NULL, argv[0..], argc
 * with %esp pointing at argc, 16-byte aligned.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/exec_elf.h>
#include <sys/filedesc.h>
#include <sys/malloc.h>
#include <sys/namei.h>
#include <sys/proc.h>
#include <sys/resource.h>
#include <sys/signalvar.h>
#include <sys/stat.h>
#include <sys/syscallargs.h>
#include <sys/ucred.h>
#include <sys/vnode.h>
#include <machine/frame.h>
#include <machine/pmap.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include <uvm/uvm_extern.h>
#include <kern/exec_elf.h>

/* The most bytes of argument and environment strings, with their NULs. */
#define EXEC_ARG_MAX	(256 * 1024)

/*
 * The strings being carried from the old program to the new: argc
 * argument strings then envc environment strings, packed, in a kernel
 * buffer that grows by doubling (most commands need a page).
 */
struct exec_strings {
	char	*buf;
	size_t	size;		/* allocated */
	size_t	used;
	int	argc, envc;
};

static int
strings_grow(struct exec_strings *es)
{
	size_t nsize = es->size == 0 ? PAGE_SIZE : es->size * 2;

	if (nsize > EXEC_ARG_MAX)
		return E2BIG;
	char *nbuf = (char *)uvm_km_kmemalloc(kernel_map, nullptr, nsize,
	    UVM_KMF_CANFAIL);
	if (nbuf == nullptr)
		return ENOMEM;
	if (es->buf != nullptr) {
		memcpy(nbuf, es->buf, es->used);
		uvm_km_free(kernel_map, (vaddr_t)es->buf, es->size);
	}
	es->buf = nbuf;
	es->size = nsize;
	return 0;
}

static void
strings_free(struct exec_strings *es)
{
	if (es->buf != nullptr)
		uvm_km_free(kernel_map, (vaddr_t)es->buf, es->size);
	es->buf = nullptr;
}

/* Append one string (from user or kernel space) to es. */
static int
strings_add(struct exec_strings *es, const char *s, enum uio_seg seg)
{
	for (;;) {
		size_t len;
		int error = es->size == es->used ? ENAMETOOLONG :
		    seg == UIO_USERSPACE ?
		    copyinstr(s, es->buf + es->used, es->size - es->used, &len) :
		    copystr(s, es->buf + es->used, es->size - es->used, &len);
		if (error == 0) {
			es->used += len;
			return 0;
		}
		if (error != ENAMETOOLONG)
			return error;
		/* Did not fit: a bigger buffer, up to ARG_MAX. */
		if ((error = strings_grow(es)) != 0)
			return error;
	}
}

/*
 * Append every string of the NULL-terminated vector vec (user or kernel
 * pointers); *countp counts them.
 */
static int
strings_addv(struct exec_strings *es, char *const *vec, enum uio_seg seg,
    int *countp)
{
	for (int i = 0;; i++) {
		char *s;
		int error;

		if (seg == UIO_USERSPACE) {
			if ((error = copyin(&vec[i], &s, sizeof(s))) != 0)
				return error;
		} else
			s = vec[i];
		if (s == nullptr)
			return 0;
		if ((error = strings_add(es, s, seg)) != 0)
			return error;
		(*countp)++;
	}
}

/*
 * exec_script: the file starts with "#!": hdr holds its first line.
 * Sets interp to the interpreter's path and arg to its one optional
 * argument ("" if none).  ENOEXEC if the line is malformed or too long.
 */
static int
exec_script(const char *hdr, size_t len, char *interp, char *arg)
{
	size_t i = 2, n;

	while (i < len && (hdr[i] == ' ' || hdr[i] == '\t'))
		i++;
	for (n = 0; i < len && hdr[i] != ' ' && hdr[i] != '\t' &&
	    hdr[i] != '\n'; i++) {
		if (n + 1 >= MAXPATHLEN)
			return ENOEXEC;
		interp[n++] = hdr[i];
	}
	interp[n] = '\0';
	while (i < len && (hdr[i] == ' ' || hdr[i] == '\t'))
		i++;
	for (n = 0; i < len && hdr[i] != '\n'; i++) {
		if (n + 1 >= MAXPATHLEN)
			return ENOEXEC;
		arg[n++] = hdr[i];
	}
	while (n > 0 && (arg[n - 1] == ' ' || arg[n - 1] == '\t'))
		n--;
	arg[n] = '\0';
	if (i >= len || interp[0] == '\0')	/* no newline: too long */
		return ENOEXEC;
	return 0;
}

/*
 * exec_lookup: the executable file at path (kernel space), referenced
 * and locked, after the permission checks; *hdr gets its first bytes.
 */
static int
exec_lookup(struct proc *p, const char *path, struct vnode **vpp,
    char *hdr, size_t hdrlen, size_t *lenp)
{
	struct nameidata nd;
	struct vattr va;
	size_t resid;
	int error;

	NDINIT(&nd, LOOKUP, FOLLOW | LOCKLEAF, UIO_SYSSPACE, path, p);
	if ((error = namei(&nd)) != 0)
		return error;
	struct vnode *vp = nd.ni_vp;
	if (vp->v_type != VREG)
		error = EACCES;
	else if ((error = VOP_GETATTR(vp, &va, p->p_ucred, p)) == 0 &&
	    (error = VOP_ACCESS(vp, VEXEC, p->p_ucred, p)) == 0 &&
	    (va.va_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0)
		error = EACCES;		/* not even root runs a non-program */
	if (error == 0)
		error = vn_rdwr(UIO_READ, vp, hdr, hdrlen, 0, UIO_SYSSPACE,
		    IO_NODELOCKED, p->p_ucred, &resid, p);
	if (error != 0) {
		vput(vp);
		return error;
	}
	*lenp = hdrlen - resid;
	*vpp = vp;
	return 0;
}

/*
 * exec_stack: copy the strings onto the new stack and build argc, argv
 * and envp below them.  Returns the new stack pointer, or 0 on a fault.
 */
static vaddr_t
exec_stack(struct exec_strings *es)
{
	int nptr = es->argc + 1 + es->envc + 1;
	vaddr_t strp = (USRSTACK - es->used) & ~(vaddr_t)3;
	vaddr_t sp = (strp - (nptr + 1) * sizeof(u_int32_t)) & ~(vaddr_t)15;
	u_int32_t vec[64];
	vaddr_t to = sp;
	const char *s = es->buf;

	if (copyout(es->buf, (void *)strp, es->used) != 0)
		return 0;
	/* argc, then the pointers, in batches through vec[]. */
	u_int32_t argc = es->argc;
	if (copyout(&argc, (void *)to, sizeof(argc)) != 0)
		return 0;
	to += sizeof(argc);
	for (int i = 0, n = 0; i < nptr; i++) {
		if (i == es->argc || i == nptr - 1)
			vec[n++] = 0;	/* the NULL after argv, after envp */
		else {
			vec[n++] = strp + (s - es->buf);
			s += strlen(s) + 1;
		}
		if (n == 64 || i == nptr - 1) {
			if (copyout(vec, (void *)to, n * sizeof(vec[0])) != 0)
				return 0;
			to += n * sizeof(vec[0]);
			n = 0;
		}
	}
	return sp;
}

/* The registers of a program about to start at entry with stack sp. */
static void
exec_setregs(struct proc *p, vaddr_t entry, vaddr_t sp)
{
	struct trapframe *tf = p->p_md.md_regs;

	memset(tf, 0, sizeof(*tf));
	tf->tf_fs = GSEL(GUFS_SEL, SEL_UPL);
	tf->tf_gs = GSEL(GUGS_SEL, SEL_UPL);
	tf->tf_es = tf->tf_ds = tf->tf_ss = GSEL(GUDATA_SEL, SEL_UPL);
	tf->tf_cs = GSEL(GUCODE_SEL, SEL_UPL);
	tf->tf_eip = entry;
	tf->tf_esp = sp;
	tf->tf_eflags = PSL_USERSET;
}

/*
 * kern_execve: execve(2)'s work, with path, argv and envp in user space
 * (UIO_USERSPACE) or, for start_init, in the kernel (UIO_SYSSPACE).
 * Returns EJUSTRETURN when the new program is set up (the frame is
 * rewritten: syscall() must leave it alone), else an errno with the old
 * program untouched.
 * => process context; may sleep.
 */
int
kern_execve(struct proc *p, const char *upath, char *const *argv,
    char *const *envp, enum uio_seg seg)
{
	struct process *pr = p->p_p;
	struct exec_strings es = {};
	struct elf_image img;
	struct vnode *vp = nullptr;
	char *path = nullptr, *interp = nullptr, *iarg = nullptr;
	struct vmspace *nvm, *ovm;
	const char *name;
	char hdr[256], *a0;
	size_t len;
	vaddr_t sp;
	vsize_t ssize;
	int error;

	path = (char *)malloc(3 * MAXPATHLEN, M_TEMP, M_WAITOK);
	interp = path + MAXPATHLEN;
	iarg = interp + MAXPATHLEN;
	error = seg == UIO_USERSPACE ?
	    copyinstr(upath, path, MAXPATHLEN, nullptr) :
	    copystr(upath, path, MAXPATHLEN, nullptr);
	if (error != 0)
		goto out;
	if ((error = exec_lookup(p, path, &vp, hdr, sizeof(hdr), &len)) != 0)
		goto out;
	if ((error = strings_grow(&es)) != 0)
		goto out;

	if (len >= 2 && hdr[0] == '#' && hdr[1] == '!') {
		/* A script: run "interp [iarg] path args..." instead. */
		if ((error = exec_script(hdr, len, interp, iarg)) != 0)
			goto out;
		vput(vp);
		vp = nullptr;
		if ((error = exec_lookup(p, interp, &vp, hdr, sizeof(hdr),
		    &len)) != 0)
			goto out;
		if ((error = strings_add(&es, interp, UIO_SYSSPACE)) != 0)
			goto out;
		es.argc++;
		if (iarg[0] != '\0') {
			if ((error = strings_add(&es, iarg, UIO_SYSSPACE)))
				goto out;
			es.argc++;
		}
		if ((error = strings_add(&es, path, UIO_SYSSPACE)) != 0)
			goto out;
		es.argc++;
		/* The script's own argv[0] is replaced by its path. */
		if (argv == nullptr) {
			error = EFAULT;
			goto out;
		}
		if (seg == UIO_USERSPACE) {
			if ((error = copyin(argv, &a0, sizeof(a0))) != 0)
				goto out;
		} else
			a0 = argv[0];
		if (a0 != nullptr)
			argv++;
	}
	if ((error = elf_check(p, vp, hdr, len, &img)) != 0)
		goto out;
	VOP_UNLOCK(vp);

	/* The strings, while the old address space still holds them. */
	if (argv == nullptr)
		error = EFAULT;
	else
		error = strings_addv(&es, argv, seg, &es.argc);
	if (error == 0 && envp != nullptr)
		error = strings_addv(&es, envp, seg, &es.envc);
	if (error == 0 &&
	    es.used + (es.argc + es.envc + 3) * sizeof(char *) > EXEC_ARG_MAX)
		error = E2BIG;
	if (error != 0) {
		vrele(vp);
		vp = nullptr;
		goto out;
	}

	/* The new address space, complete, beside the old one. */
	ssize = round_page(MIN(lim_cur(p, RLIMIT_STACK), (rlim_t)MAXSSIZ));
	if ((error = elf_map(&img, vp, MAX(ssize, (vsize_t)PAGE_SIZE),
	    &nvm)) != 0) {
		vrele(vp);
		vp = nullptr;
		goto out;
	}

	/* The point of no return. */
	ovm = pr->ps_vmspace;
	pr->ps_vmspace = nvm;
	pmap_activate(p);
	if (ovm != nullptr)
		uvmspace_free(ovm);
	vfork_release(pr);
	if (elf_zero_bss(&img) != 0 || (sp = exec_stack(&es)) == 0) {
		printf("pid %d (%s): exec of %s failed after the point of no "
		    "return\n", pr->ps_pid, pr->ps_comm, path);
		vrele(vp);
		strings_free(&es);
		free(path, M_TEMP, 3 * MAXPATHLEN);
		exit1(p, 0, SIGKILL, EXIT_NORMAL);
	}
	exec_setregs(p, img.entry, sp);

	/* What carries over and what does not. */
	for (const char *c = name = path; *c != '\0'; c++)
		if (*c == '/')
			name = c + 1;
	strlcpy(pr->ps_comm, name, sizeof(pr->ps_comm));
	if (pr->ps_textvp != nullptr)
		vrele(pr->ps_textvp);
	pr->ps_textvp = vp;		/* our reference moves there */
	vp = nullptr;
	pr->ps_flags |= PS_EXEC;
	fdcloseexec(p);
	execsigs(p);
	error = EJUSTRETURN;
out:
	if (vp != nullptr)
		vput(vp);
	strings_free(&es);
	free(path, M_TEMP, 3 * MAXPATHLEN);
	return error;
}

/* execve(2) */
int
sys_execve(struct proc *p, void *v, register_t *)
{
	struct sys_execve_args *uap = (struct sys_execve_args *)v;

	return kern_execve(p, SCARG(uap, path), SCARG(uap, argp),
	    SCARG(uap, envp), UIO_USERSPACE);
}
