# libc.cmake: the host tests of the user C library, lib/libc (read by
# CMakeLists.txt, which defines REPO, GENINC and GoogleTest).
#
#   libc_tests	the parts of libc that need no kernel, compiled from the
#		very same sources with the host's g++ and compared with the
#		host's C library: string and ctype, strto*, qsort and bsearch,
#		the printf and scanf cores (through snprintf and sscanf),
#		getopt, time conversion and strftime, the environment,
#		the password and group files (getpwnam, getgrgid, ...),
#		malloc (on the host's mmap) and the stdio streams (on the
#		host's open, read, write, lseek: libc_host.cc)
#   libc_cross	a cross-compiled C program (libc_prog.c) and the same
#		text as C++, linked with crt0 and libc.a as the top
#		Makefile links user programs; the test checks with readelf
#		that the result is a static ELF32 i386 executable entered at
#		_start, and nm that nothing is left undefined
#
# The libc sources are compiled as they are for i386 (-nostdinc, libc's
# own headers, the kernel's <sys/...>), with libc_rename.h forced in so
# that each name becomes libc_NAME: the test program also runs on the
# host's C library, and the two must not be confused.

set(LIBC ${REPO}/lib/libc)
set(LIBC_HOST_SOURCES
	${LIBC}/gen/ctype.cc
	${LIBC}/gen/errno.cc
	${LIBC}/gen/getpwent.cc
	${LIBC}/stdio/fmtlen.cc
	${LIBC}/stdio/fscanf.cc
	${LIBC}/stdio/lines.cc
	${LIBC}/stdio/printf.cc
	${LIBC}/stdio/scanf.cc
	${LIBC}/stdio/snprintf.cc
	${LIBC}/stdio/stdio.cc
	${LIBC}/stdio/vfprintf.cc
	${LIBC}/stdio/vfscanf.cc
	${LIBC}/stdlib/getenv.cc
	${LIBC}/stdlib/getopt.cc
	${LIBC}/stdlib/malloc.cc
	${LIBC}/stdlib/stdlib.cc
	${LIBC}/stdlib/strtol.cc
	${LIBC}/string/strerror.cc
	${LIBC}/string/string.cc
	${LIBC}/time/time.cc)

add_library(libc_host OBJECT ${LIBC_HOST_SOURCES})
target_include_directories(libc_host BEFORE PRIVATE ${LIBC}/include ${REPO}
    ${GENINC})
target_compile_options(libc_host PRIVATE -nostdinc -ffreestanding
    -fno-exceptions -fno-rtti -fno-tree-loop-distribute-patterns
    -include ${CMAKE_CURRENT_LIST_DIR}/libc_rename.h
    -Wall -Wextra -Wno-unused-parameter)

add_executable(libc_tests
	${CMAKE_CURRENT_LIST_DIR}/libc_host.cc
	${CMAKE_CURRENT_LIST_DIR}/libc_printf_test.cc
	${CMAKE_CURRENT_LIST_DIR}/libc_pwd_test.cc
	${CMAKE_CURRENT_LIST_DIR}/libc_stdio_test.cc
	${CMAKE_CURRENT_LIST_DIR}/libc_stdlib_test.cc
	${CMAKE_CURRENT_LIST_DIR}/libc_string_test.cc
	${CMAKE_CURRENT_LIST_DIR}/libc_time_test.cc
	$<TARGET_OBJECTS:libc_host>)
target_compile_options(libc_tests PRIVATE -Wall -Wextra -Wno-format-zero-length
    -Wno-format-truncation)
if(HOSTTEST_SANITIZE)
	foreach(t libc_host libc_tests)
		target_compile_options(${t} PRIVATE
		    -fsanitize=address,undefined -fno-sanitize-recover=all
		    -fno-omit-frame-pointer)
	endforeach()
	target_link_options(libc_tests PRIVATE -fsanitize=address,undefined)
endif()
target_link_libraries(libc_tests PRIVATE GTest::gtest_main)
gtest_discover_tests(libc_tests DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT 120 ENVIRONMENT TZ=UTC)

# The cross build: only where the i686 toolchain and NASM are (the top
# Makefile installs them); libc.a is built in a directory of its own.
find_program(LIBC_CROSS_CXX i686-linux-gnu-g++)
find_program(LIBC_NASM nasm)
if(LIBC_CROSS_CXX AND LIBC_NASM)
	add_test(NAME libc_cross
	    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/libc_cross_test.sh
	    ${REPO} ${CMAKE_BINARY_DIR}/libc_cross)
	set_tests_properties(libc_cross PROPERTIES TIMEOUT 300)
endif()
