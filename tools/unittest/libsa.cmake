# libsa.cmake: the host tests of the BIOS boot chain's host-testable parts
# (read by CMakeLists.txt, which defines REPO, GENINC and GoogleTest).
#
#   libsa_tests		lib/libsa's ext2 reader and file layer, reading
#			mke2fs -d images (1, 2, 4 KiB blocks) against their
#			source tree (libsa_ext2fs_test.cc)
#   libsa_alloc_tests	lib/libsa's alloc()/free() (libsa_alloc_test.cc)
#   installboot		tools/installboot's patched fields read back and
#			compared with debugfs (installboot_test.py)
#
# libsa is compiled with its own include directory only, not the
# repository's: under HOSTTEST <stand.h> uses the host's types, errno and
# struct stat, and renames open/read/... (see lib/libsa/stand.h).

set(LIBSA ${REPO}/lib/libsa)

add_executable(libsa_tests
	${CMAKE_CURRENT_LIST_DIR}/libsa_ext2fs_test.cc
	${CMAKE_CURRENT_LIST_DIR}/libsa_host.cc
	${LIBSA}/ext2fs.cc
	${LIBSA}/open.cc)
add_executable(libsa_alloc_tests
	${CMAKE_CURRENT_LIST_DIR}/libsa_alloc_test.cc
	${LIBSA}/alloc.cc)

foreach(t libsa_tests libsa_alloc_tests)
	target_include_directories(${t} PRIVATE ${LIBSA})
	target_compile_definitions(${t} PRIVATE HOSTTEST)
	target_compile_options(${t} PRIVATE -Wall -Wextra)
	if(HOSTTEST_SANITIZE)
		target_compile_options(${t} PRIVATE
		    -fsanitize=address,undefined -fno-sanitize-recover=all
		    -fno-omit-frame-pointer)
		target_link_options(${t} PRIVATE -fsanitize=address,undefined)
	endif()
	target_link_libraries(${t} PRIVATE GTest::gtest_main)
	gtest_discover_tests(${t} DISCOVERY_TIMEOUT 60
	    PROPERTIES TIMEOUT 120)
endforeach()

# installboot: a Python unittest that assembles boot/mbr and
# boot/biosboot with NASM, builds images with tools/mkdisk and checks the
# fields installboot wrote.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME installboot
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/installboot_test.py
    WORKING_DIRECTORY ${REPO})
set_tests_properties(installboot PROPERTIES TIMEOUT 120)
