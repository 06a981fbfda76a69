# The README's first command, scripts/run-demo, starts the program its build
# made: the path after `exec build/release/` names a file in this build too.
#   cmake -DSCRIPT=scripts/run-demo -DBUILD_DIR=<a build with the GUI> -P CheckRunDemo.cmake
cmake_minimum_required(VERSION 3.25)
file(STRINGS "${SCRIPT}" execs REGEX "^exec build/release/")
list(LENGTH execs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "${SCRIPT} has ${count} lines starting `exec build/release/`, not one")
endif()
string(REGEX REPLACE "^exec build/release/([^ ]+).*" "\\1" program "${execs}")
if(NOT EXISTS "${BUILD_DIR}/${program}" OR IS_DIRECTORY "${BUILD_DIR}/${program}")
    message(FATAL_ERROR "${SCRIPT} starts build/release/${program}, which the build does not make")
endif()
message(STATUS "${SCRIPT} starts ${program}")
