/*
 * bin/sh/test.c: the shell's test and [ builtins, which are the very
 * code of the test(1) program (bin/test.c) without its main, so that
 * the two cannot disagree.
 */
#define TEST_BUILTIN
#include "../test.c"
