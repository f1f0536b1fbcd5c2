/* bin/true.c: true(1), do nothing, successfully (usr.bin/true). */
int
main(void)
{
	return 0;
}
