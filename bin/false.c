/* bin/false.c: false(1), do nothing, unsuccessfully (usr.bin/false). */
int
main(void)
{
	return 1;
}
