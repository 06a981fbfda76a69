# The layering of docs/architecture.md, checked on the #include lines of the sources:
# arrows point down only (app -> ui -> domain -> readmodel -> the events'
# contracts -> eventstore), the read model knows no command of domain/,
# the domain, the read model and the event store never see QtWidgets or
# QtGui, and booker/ and tablemanager/ never include each other.
#   cmake -DSOURCE_DIR=<tree> -DQT_HEADERS=<Qt's include folder> -P CheckLayers.cmake
# Fails, listing every offending line, when a rule is broken.

cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_DIR OR NOT QT_HEADERS)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -DQT_HEADERS=... -P CheckLayers.cmake")
endif()

# Every header of QtWidgets and QtGui, by the name a source includes it by.
set(gui_headers "")
foreach(module QtWidgets QtGui)
    file(GLOB module_headers RELATIVE "${QT_HEADERS}/${module}" "${QT_HEADERS}/${module}/Q*")
    list(APPEND gui_headers ${module_headers})
endforeach()
list(LENGTH gui_headers gui_header_count)
if(gui_header_count LESS 100)
    message(FATAL_ERROR "QtWidgets and QtGui headers not found under ${QT_HEADERS}")
endif()

set(violations "")

# check(<folder> <what it may not include, as regexes of the included path>...)
function(check folder)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*" "\\1"
                   included "${line}")
            foreach(forbidden IN LISTS ARGN)
                if(forbidden STREQUAL "GUI")
                    string(REGEX REPLACE "^(QtWidgets|QtGui)/" "" name "${included}")
                    if(included MATCHES "^(QtWidgets|QtGui)(/|$)" OR name IN_LIST gui_headers)
                        set(hit TRUE)
                    else()
                        set(hit FALSE)
                    endif()
                elseif(included MATCHES "${forbidden}")
                    set(hit TRUE)
                else()
                    set(hit FALSE)
                endif()
                if(hit)
                    file(RELATIVE_PATH where "${SOURCE_DIR}" "${source}")
                    list(APPEND violations "${where}: #include ${included} (${folder} may not include ${forbidden})")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

check(eventstore "^domain/" "^readmodel/" "^ui/" "^app/" GUI)
check(readmodel "^domain/[^/]+$" "^domain/(booker|tablemanager)/" "^ui/" "^app/" GUI)
check(domain "^ui/" "^app/" GUI)
check(domain/contracts "^domain/(booker|tablemanager)/" "^readmodel/")
check(domain/booker "^domain/tablemanager/" "^tablemanager/" "^\\.\\./tablemanager/")
check(domain/tablemanager "^domain/booker/" "^booker/" "^\\.\\./booker/")
check(ui "^app/")

if(violations)
    list(JOIN violations "\n  " listed)
    message(FATAL_ERROR "The layering of docs/architecture.md is broken:\n  ${listed}")
endif()
message(STATUS "Layering holds in ${SOURCE_DIR}")
