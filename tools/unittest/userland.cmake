# userland.cmake: host runs of the user programs' own test scripts (read
# by CMakeLists.txt, which defines REPO).
#
#   userland_hosttest	tools/userland-hosttest.sh: /bin/sh and the
#			utilities built with the host's cc from the same
#			sources, then driven through their features
#   regress_hosttest	tools/regress-hosttest.sh: the regress/ programs
#			built against the host's C library and run, which
#			checks the tests themselves (where Linux and
#			OpenBSD agree); inside our system they run from
#			make check's "regress" group
add_test(NAME userland_hosttest
    COMMAND sh ${REPO}/tools/userland-hosttest.sh)
add_test(NAME regress_hosttest
    COMMAND sh ${REPO}/tools/regress-hosttest.sh)
set_tests_properties(userland_hosttest regress_hosttest PROPERTIES
    TIMEOUT 300)
