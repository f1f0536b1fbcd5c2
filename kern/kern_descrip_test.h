/*
 * kern_descrip_test.h: what the descriptor tests share.
 *
 * fdscope: for its lifetime the current process uses a descriptor table
 * of its own, fresh from fdinit(), which is freed (closing what is left
 * open in it) when the scope ends; the process's own table comes back.
 * So a test in proc0 may open and leak files without touching the table
 * every kernel thread shares.  Its current directory is the root.
 */
#ifndef _KERN_KERN_DESCRIP_TEST_H_
#define _KERN_KERN_DESCRIP_TEST_H_

#include <sys/filedesc.h>
#include <sys/proc.h>
#include <sys/vnode.h>

struct fdscope {
	struct filedesc	*fs_saved;

	fdscope()
	{
		struct process *pr = curproc->p_p;
		fs_saved = pr->ps_fd;
		pr->ps_fd = fdinit();
		if ((pr->ps_fd->fd_cdir = rootvnode) != nullptr)
			vref(rootvnode);
	}
	~fdscope()
	{
		struct process *pr = curproc->p_p;
		fdfree(pr->ps_fd);
		pr->ps_fd = fs_saved;
	}
	fdscope(const fdscope &) = delete;
	fdscope &operator=(const fdscope &) = delete;
};

#endif /* !_KERN_KERN_DESCRIP_TEST_H_ */
