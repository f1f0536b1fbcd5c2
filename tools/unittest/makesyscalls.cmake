# tools/unittest/makesyscalls.cmake: the tests of tools/makesyscalls, the
# system call table generator (read by CMakeLists.txt, which includes
# every *.cmake beside it).
#
# The tests are Python's unittest, in makesyscalls_test.py.  Each test
# method becomes a ctest test of its own, makesyscalls.CLASS.NAME, so
# that a failure is named: the list comes from the test file itself
# (--list) when CMake configures, and editing the file reconfigures.  The
# tests run the generator, NASM and the i386 cross compiler; they need no
# build step here.

find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(_mst ${CMAKE_CURRENT_LIST_DIR}/makesyscalls_test.py)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_mst})
execute_process(COMMAND ${Python3_EXECUTABLE} ${_mst} --list
    OUTPUT_VARIABLE _mst_ids ERROR_VARIABLE _mst_err
    RESULT_VARIABLE _mst_rc)
if(NOT _mst_rc EQUAL 0)
	message(FATAL_ERROR "makesyscalls_test.py --list failed:\n${_mst_err}")
endif()
string(REPLACE "\n" ";" _mst_ids "${_mst_ids}")
foreach(id IN LISTS _mst_ids)
	if(id STREQUAL "")
		continue()
	endif()
	# Sample.test_numbers -> makesyscalls.Sample.numbers
	string(REPLACE ".test_" "." _name "makesyscalls.${id}")
	add_test(NAME ${_name}
	    COMMAND ${Python3_EXECUTABLE} ${_mst} ${id}
	    WORKING_DIRECTORY ${REPO})
	set_tests_properties(${_name} PROPERTIES TIMEOUT 60)
endforeach()
