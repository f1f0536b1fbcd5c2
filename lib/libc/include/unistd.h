/*
 * <unistd.h>: the POSIX system interface: most of these are system call
 * stubs generated from kern/syscalls.master, a few are libc functions
 * over them (sleep, isatty, getcwd, sbrk, ...).
 */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

/* access(2) */
#define F_OK		0	/* test for existence of file */
#define X_OK		0x01	/* test for execute or search permission */
#define W_OK		0x02	/* test for write permission */
#define R_OK		0x04	/* test for read permission */

/* lseek(2) */
#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

__BEGIN_DECLS
extern char	**environ;
extern char	*optarg;
extern int	opterr, optind, optopt, optreset;

__dead void	_exit(int status);
int	access(const char *path, int amode);
int	brk(void *addr);
int	chdir(const char *path);
int	chown(const char *path, uid_t owner, gid_t group);
int	chroot(const char *path);
int	close(int fd);
int	dup(int fd);
int	dup2(int from, int to);
int	execl(const char *path, const char *arg, ...);
int	execle(const char *path, const char *arg, ...);
int	execlp(const char *file, const char *arg, ...);
int	execv(const char *path, char *const argv[]);
int	execve(const char *path, char *const argv[], char *const envp[]);
int	execvp(const char *file, char *const argv[]);
int	fchdir(int fd);
int	fchown(int fd, uid_t owner, gid_t group);
pid_t	fork(void);
int	fsync(int fd);
int	ftruncate(int fd, off_t length);
char	*getcwd(char *buf, size_t size);
gid_t	getegid(void);
uid_t	geteuid(void);
gid_t	getgid(void);
int	gethostname(char *name, size_t namelen);
int	getopt(int argc, char *const *argv, const char *optstring);
int	getpagesize(void);
pid_t	getpgid(pid_t pid);
pid_t	getpgrp(void);
pid_t	getpid(void);
pid_t	getppid(void);
uid_t	getuid(void);
int	isatty(int fd);
int	link(const char *path, const char *link);
off_t	lseek(int fd, off_t offset, int whence);
int	pipe(int fds[2]);
int	pipe2(int fds[2], int flags);
ssize_t	pread(int fd, void *buf, size_t n, off_t offset);
ssize_t	pwrite(int fd, const void *buf, size_t n, off_t offset);
ssize_t	read(int fd, void *buf, size_t n);
ssize_t	readlink(const char *path, char *buf, size_t n);
int	reboot(int howto);
int	rmdir(const char *path);
void	*sbrk(int incr);
int	setegid(gid_t gid);
int	seteuid(uid_t uid);
int	setgid(gid_t gid);
int	sethostname(const char *name, size_t namelen);
int	setpgid(pid_t pid, pid_t pgid);
pid_t	setsid(void);
int	setuid(uid_t uid);
unsigned int	sleep(unsigned int seconds);
int	symlink(const char *path, const char *link);
void	sync(void);
int	truncate(const char *path, off_t length);
int	unlink(const char *path);
int	usleep(unsigned int usec);
pid_t	vfork(void);
ssize_t	write(int fd, const void *buf, size_t n);
__END_DECLS

#endif /* !_UNISTD_H_ */
