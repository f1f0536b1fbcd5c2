/*
 * lib/libc/stdlib/getenv.cc: the environment: environ, getenv, setenv,
 * unsetenv, putenv.
 *
 * environ is the NULL-terminated array of "NAME=value" strings that
 * crt0 found on the stack above argv.  The first change copies the array
 * into malloc'd memory (the kernel's copy cannot grow); later changes
 * grow or shrink that copy.  setenv's strings are malloc'd; a replaced
 * string is not freed, since it may be the kernel's or a putenv caller's
 * (OpenBSD's getenv.c makes the same choice).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern "C" {
char **environ;
}

namespace {

char **owned;		/* environ, when it is our malloc'd copy */

/* The index of NAME (len bytes, no "=") in environ, or -1. */
int
find(const char *name, size_t len)
{
	if (environ == nullptr)
		return -1;
	for (int k = 0; environ[k] != nullptr; k++)
		if (strncmp(environ[k], name, len) == 0 &&
		    environ[k][len] == '=')
			return k;
	return -1;
}

int
count()
{
	int n = 0;

	while (environ != nullptr && environ[n] != nullptr)
		n++;
	return n;
}

/* Append s to environ, copying or growing the array. */
int
append(char *s)
{
	int n = count();
	char **a = (char **)realloc(owned, (n + 2) * sizeof(char *));

	if (a == nullptr)
		return -1;
	if (owned == nullptr)
		for (int k = 0; k < n; k++)
			a[k] = environ[k];
	a[n] = s;
	a[n + 1] = nullptr;
	environ = owned = a;
	return 0;
}

bool
bad_name(const char *name)
{
	return name == nullptr || *name == '\0' || strchr(name, '=') != nullptr;
}

} // namespace

extern "C" {

char *
getenv(const char *name)
{
	int k = find(name, strlen(name));

	return k < 0 ? nullptr : environ[k] + strlen(name) + 1;
}

int
setenv(const char *name, const char *value, int overwrite)
{
	if (bad_name(name)) {
		errno = EINVAL;
		return -1;
	}
	size_t nlen = strlen(name);
	int k = find(name, nlen);
	if (k >= 0 && !overwrite)
		return 0;
	size_t vlen = strlen(value);
	char *s = (char *)malloc(nlen + vlen + 2);
	if (s == nullptr)
		return -1;
	memcpy(s, name, nlen);
	s[nlen] = '=';
	memcpy(s + nlen + 1, value, vlen + 1);
	if (k >= 0) {
		environ[k] = s;
		return 0;
	}
	if (append(s) != 0) {
		free(s);
		return -1;
	}
	return 0;
}

int
unsetenv(const char *name)
{
	if (bad_name(name)) {
		errno = EINVAL;
		return -1;
	}
	size_t nlen = strlen(name);
	int k;
	/* Every copy goes; shifting the rest down keeps the order. */
	while ((k = find(name, nlen)) >= 0)
		for (; environ[k] != nullptr; k++)
			environ[k] = environ[k + 1];
	return 0;
}

/* The string itself becomes part of the environment. */
int
putenv(char *string)
{
	char *eq = strchr(string, '=');

	if (eq == nullptr || eq == string) {
		errno = EINVAL;
		return -1;
	}
	int k = find(string, eq - string);
	if (k >= 0) {
		environ[k] = string;
		return 0;
	}
	return append(string);
}

} // extern "C"
