/*
 * <dirent.h>: reading directories (lib/libc/gen/opendir.cc).  The entry
 * is the kernel's struct dirent (<sys/dirent.h>), as getdents(2) hands
 * it out; a DIR holds a buffer of them.
 */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/dirent.h>

#define d_ino	d_fileno

typedef struct _dirdesc {
	int	dd_fd;		/* the directory's descriptor */
	int	dd_loc;		/* offset of the next entry in dd_buf */
	int	dd_size;	/* bytes in dd_buf */
	int	dd_len;		/* size of dd_buf */
	char	*dd_buf;	/* what getdents(2) returned */
} DIR;

__BEGIN_DECLS
int	 closedir(DIR *dirp);
int	 dirfd(DIR *dirp);
int	 getdents(int fd, void *buf, size_t len);
DIR	*opendir(const char *name);
struct dirent	*readdir(DIR *dirp);
void	 rewinddir(DIR *dirp);
__END_DECLS

#endif /* !_DIRENT_H_ */
